/**
 * Background work: exports, releases and other long work run as {@link org.annals.jobs.Job}s on a
 * per-node {@link org.annals.jobs.JobRunner} with a concurrency limit ({@code annals.jobs.max-concurrent}),
 * so that a burst of them cannot take every pooled database connection. Services own their jobs: they
 * check permissions when a job is submitted and hand the caller a handle with progress, cancel, state
 * and result; views only watch that handle. When every slot is taken the runner refuses at once with
 * {@link org.annals.jobs.JobsBusyException} ("busy, try again in a moment") instead of queueing. See
 * docs/decisions/0018-background-jobs.md.
 */
@NullMarked
package org.annals.jobs;

import org.jspecify.annotations.NullMarked;
