package org.annals.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any request under /api that no endpoint takes: without this, Spring would hand it on to Vaadin,
 * which answers with an HTML page. Scripts get problem JSON instead, with the status that says what
 * is wrong: 404 for a path no endpoint has, 405 (with {@code Allow}) for a known path with another
 * method, 415 for a body of a type the endpoint does not read, 406 when the endpoint cannot answer
 * in any type the request accepts. Spring would find these itself, but this catch-all matches every
 * path and so hides them: it asks the other endpoints again, condition by condition.
 */
@RestController
@Hidden
class FallbackController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    FallbackController(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<Object> unmatched(HttpServletRequest request) {
        String what = request.getMethod() + " " + request.getRequestURI();
        List<RequestMappingInfo> samePath = endpoints()
                .filter(info -> info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null)
                .toList();
        if (samePath.isEmpty()) {
            return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "There is no endpoint " + what
                    + ". The endpoints are listed at /v3/api-docs.", request);
        }
        List<RequestMappingInfo> sameMethod = matching(samePath,
                info -> info.getMethodsCondition().getMatchingCondition(request) != null);
        if (sameMethod.isEmpty()) {
            Set<String> allowed = samePath.stream().flatMap(info -> info.getMethodsCondition().getMethods().stream())
                    .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            var response = ApiExceptionHandler.problem(HttpStatus.METHOD_NOT_ALLOWED, "This endpoint does not take "
                    + request.getMethod() + "; it takes " + String.join(", ", allowed) + ".", request);
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed)).body(response.getBody());
        }
        List<RequestMappingInfo> readable = matching(sameMethod,
                info -> safely(() -> info.getConsumesCondition().getMatchingCondition(request)) != null);
        if (readable.isEmpty()) {
            return ApiExceptionHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This endpoint reads "
                    + types(sameMethod.stream().flatMap(info -> info.getConsumesCondition().getConsumableMediaTypes()
                            .stream()).collect(Collectors.toSet()))
                    + (request.getContentType() == null ? "; the request body was sent without a Content-Type."
                            : "; the request body was sent as '" + request.getContentType() + "'."), request);
        }
        List<RequestMappingInfo> answerable = matching(readable,
                info -> safely(() -> info.getProducesCondition().getMatchingCondition(request)) != null);
        if (answerable.isEmpty()) {
            return ApiExceptionHandler.problem(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers in "
                    + types(readable.stream().flatMap(info -> info.getProducesCondition().getProducibleMediaTypes()
                            .stream()).collect(Collectors.toSet()))
                    + "; the request accepts only '" + request.getHeader(HttpHeaders.ACCEPT) + "'.", request);
        }
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "There is no endpoint " + what
                + " with these parameters. The endpoints are listed at /v3/api-docs.", request);
    }

    private Stream<RequestMappingInfo> endpoints() {
        return mappings.getObject().getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType() != FallbackController.class)
                .map(Map.Entry::getKey);
    }

    private static List<RequestMappingInfo> matching(List<RequestMappingInfo> infos, Predicate<RequestMappingInfo> test) {
        return infos.stream().filter(test).toList();
    }

    /** A header that cannot even be parsed matches nothing. */
    private static <T> @Nullable T safely(Callable<@Nullable T> condition) {
        try {
            return condition.call();
        } catch (Exception unparseable) {
            return null;
        }
    }

    private static String types(Set<MediaType> types) {
        return types.stream().map(MediaType::toString).sorted().collect(Collectors.joining(" or "));
    }
}
