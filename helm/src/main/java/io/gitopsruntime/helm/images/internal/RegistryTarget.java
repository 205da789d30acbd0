package io.gitopsruntime.helm.images.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A registry as the target of a copy: manifests by digest, then the tag. Thread-safe.
 *
 * @param client the registry's client
 */
public record RegistryTarget(RegistryClient client) implements Target {
  @Override
  public String host() {
    return client.host();
  }

  @Override
  public Optional<String> manifestDigest(String repository, String reference) throws InterruptedException {
    return client.manifestDigest(repository, reference);
  }

  @Override
  public boolean hasBlob(String repository, String digest) throws InterruptedException {
    return client.hasBlob(repository, digest);
  }

  @Override
  public boolean mount(String repository, String digest, String from) throws InterruptedException {
    return client.mount(repository, digest, from);
  }

  @Override
  public void upload(String repository, String digest, Path file) throws InterruptedException {
    client.upload(repository, digest, file);
  }

  @Override
  public void putManifest(String repository, Manifest manifest) throws InterruptedException {
    client.putManifest(repository, manifest.digest(), manifest);
  }

  @Override
  public void name(String repository, Optional<String> tag, Manifest top, String name) throws InterruptedException {
    if (tag.isPresent()) {
      client.putManifest(repository, tag.get(), top);
    }
  }
}
