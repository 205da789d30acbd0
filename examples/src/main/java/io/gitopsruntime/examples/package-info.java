/**
 * Example programs, compiled and run in CI: a team's own validation rule ({@link
 * io.gitopsruntime.examples.TeamPrefixValidator}, used by {@link io.gitopsruntime.examples.CheckTeamPolicy}) and an
 * internal platform tool for a fleet of clusters, which plans a team's runtimes ({@link
 * io.gitopsruntime.examples.FleetPlan}) and installs them on every cluster at once ({@link
 * io.gitopsruntime.examples.FleetInstall}).
 */
@NullMarked
package io.gitopsruntime.examples;

import org.jspecify.annotations.NullMarked;
