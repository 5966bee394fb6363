package org.annals.source;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stores captures; they are read with plain SQL ({@link CaptureService}) so that lists never load the bytes. */
interface CaptureRepository extends JpaRepository<Capture, UUID> {
}
