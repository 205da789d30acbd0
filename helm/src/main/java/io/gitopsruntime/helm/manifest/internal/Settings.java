package io.gitopsruntime.helm.manifest.internal;

import java.time.Duration;

/**
 * How a manifest installer behaves, as its builder set it. Immutable and thread-safe.
 *
 * @param fieldManager the server-side apply field manager
 * @param concurrency how many requests run at once within a wave
 * @param timeout the time limit of a whole install or uninstall
 * @param adoptExisting whether objects that belong to someone else are taken over
 * @param plainHttp whether OCI registries are spoken to over plain HTTP
 * @param retry the retry policy of API requests
 * @param lockDuration how long the release lock lasts without renewal
 */
public record Settings(String fieldManager, int concurrency, Duration timeout, boolean adoptExisting,
    boolean plainHttp, RetryPolicy retry, Duration lockDuration) {}
