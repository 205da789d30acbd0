package io.gitopsruntime.helm.images.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a copy writes manifests and blobs: a registry ({@link RegistryTarget}) or an OCI layout archive
 * ({@link OciArchiveWriter}). Implementations are thread-safe.
 */
public interface Target {
  /**
   * The registry host, or a name for messages.
   *
   * @return such as {@code registry.example.com}
   */
  String host();

  /**
   * The digest a manifest reference has on the target.
   *
   * @param repository the repository
   * @param reference a tag or a digest
   * @return its digest, or empty when absent
   * @throws InterruptedException if interrupted
   */
  Optional<String> manifestDigest(String repository, String reference) throws InterruptedException;

  /**
   * Whether the target has a blob.
   *
   * @param repository the repository
   * @param digest the digest
   * @return true if present
   * @throws InterruptedException if interrupted
   */
  boolean hasBlob(String repository, String digest) throws InterruptedException;

  /**
   * Mounts a blob from another repository of the target, without copying it.
   *
   * @param repository the repository to mount into
   * @param digest the digest
   * @param from the repository that has it
   * @return true if mounted
   * @throws InterruptedException if interrupted
   */
  boolean mount(String repository, String digest, String from) throws InterruptedException;

  /**
   * Writes a blob from a file.
   *
   * @param repository the repository
   * @param digest its digest
   * @param file its content
   * @throws InterruptedException if interrupted
   */
  void upload(String repository, String digest, Path file) throws InterruptedException;

  /**
   * Writes a manifest by its digest.
   *
   * @param repository the repository
   * @param manifest the manifest
   * @throws InterruptedException if interrupted
   */
  void putManifest(String repository, Manifest manifest) throws InterruptedException;

  /**
   * Names a copied image: tags it on a registry, lists it in an archive's index.
   *
   * @param repository the repository
   * @param tag its tag, if any
   * @param top its manifest or index
   * @param name its full reference, for an archive's {@code org.opencontainers.image.ref.name}
   * @throws InterruptedException if interrupted
   */
  void name(String repository, Optional<String> tag, Manifest top, String name) throws InterruptedException;
}
