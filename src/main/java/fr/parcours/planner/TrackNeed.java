package fr.parcours.planner;

import fr.parcours.fair.Interval;

import java.util.List;

/**
 * What a track must host: classes of {@code classSize} coming in bus windows, each window with
 * the classes expected then ({@code target}); the solver counts the whole routes a class can
 * take in each, its sessions {@code changeoverMinutes} apart. {@code talksFirst}: the organiser
 * wants its talks before its workshops.
 */
public record TrackNeed(String slug, String name, int classSize, int changeoverMinutes, List<Window> windows,
                        boolean talksFirst) {

  public TrackNeed {
    windows = List.copyOf(windows);
  }

  /** A bus window on one fair day and the classes expected in it. */
  public record Window(String label, Interval period, int target) {
  }

  public int target() {
    return windows.stream().mapToInt(Window::target).sum();
  }
}
