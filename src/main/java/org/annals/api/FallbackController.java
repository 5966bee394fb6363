package org.annals.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under /api: without this, Spring would hand the request on to Vaadin, which
 * answers with an HTML page. Scripts get problem JSON instead (also for a wrong method on a known
 * path, which lands here too).
 */
@RestController
@Hidden
class FallbackController {

    @RequestMapping("/api/**")
    ResponseEntity<Object> unknown(HttpServletRequest request) {
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "There is no endpoint " + request.getMethod() + " "
                + request.getRequestURI() + ". The endpoints are listed at /v3/api-docs.", request);
    }
}
