/**
 * Example programs, compiled and run in CI: a team's own validation rule ({@link
 * io.gitopsruntime.examples.TeamPrefixValidator}, used by {@link io.gitopsruntime.examples.CheckTeamPolicy}) and an
 * internal platform tool that plans runtimes for a fleet of clusters ({@link io.gitopsruntime.examples.FleetPlan}).
 */
@NullMarked
package io.gitopsruntime.examples;

import org.jspecify.annotations.NullMarked;
