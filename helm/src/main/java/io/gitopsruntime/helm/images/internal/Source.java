package io.gitopsruntime.helm.images.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a copy reads manifests and blobs: a registry ({@link RegistryClient}), an OCI layout archive
 * ({@link OciArchiveReader}) or a chart packaged on this machine ({@link ChartPackage}). Implementations are
 * thread-safe.
 */
public interface Source {
  /**
   * The registry host, or a name for messages when it is not a registry.
   *
   * @return such as {@code quay.io} or {@code archive bundle.tar}
   */
  String host();

  /**
   * Reads a manifest, checking its digest when read by digest.
   *
   * @param repository the repository
   * @param reference a tag or a digest
   * @return the manifest, or empty when there is none of that reference
   * @throws InterruptedException if interrupted
   */
  Optional<Manifest> manifest(String repository, String reference) throws InterruptedException;

  /**
   * Copies a blob to a file, checking its digest.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @param file where; replaced
   * @return its size
   * @throws InterruptedException if interrupted
   */
  long download(String repository, String digest, Path file) throws InterruptedException;

  /**
   * Reads a small blob (an image config) into memory, checking its digest.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @return its bytes
   * @throws InterruptedException if interrupted
   */
  byte[] blob(String repository, String digest) throws InterruptedException;

  /**
   * Whether every blob of an image must be checked ({@link #check}) before any is copied: true for an archive, whose
   * damage is found by reading it, false for a registry, which checks digests itself.
   *
   * @return true to check first
   */
  default boolean checksFirst() {
    return false;
  }

  /**
   * Checks a blob's content against its digest without copying it.
   *
   * @param digest the blob's digest
   * @throws RegistryException naming the blob if it is missing or damaged
   */
  default void check(String digest) {}
}
