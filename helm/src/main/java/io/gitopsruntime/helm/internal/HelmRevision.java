package io.gitopsruntime.helm.internal;

import java.util.List;
import java.util.Optional;

/**
 * One line of {@code helm history}. Immutable and thread-safe.
 *
 * @param revision the revision
 * @param status Helm's status word, such as {@code superseded} or {@code pending-upgrade}
 * @param chart the chart as Helm's history names it ({@code name-version}), empty when unknown
 */
public record HelmRevision(int revision, String status, String chart) {

  /**
   * A revision whose chart is not known.
   *
   * @param revision the revision
   * @param status Helm's status word
   */
  public HelmRevision(int revision, String status) {
    this(revision, status, "");
  }

  /**
   * The revision to roll back to from a pending one: the newest {@code deployed} revision, or else the newest
   * {@code superseded} one before the pending revision.
   *
   * @param history the release's history, in any order
   * @return the revision, or empty when the release was never deployed (a pending first install)
   */
  public static Optional<Integer> rollbackTarget(List<HelmRevision> history) {
    Optional<Integer> deployed = history.stream().filter(r -> r.status().equals("deployed"))
        .map(HelmRevision::revision).max(Integer::compare);
    if (deployed.isPresent()) {
      return deployed;
    }
    return history.stream().filter(r -> r.status().equals("superseded"))
        .map(HelmRevision::revision).max(Integer::compare);
  }
}
