package fr.parcours.planner;

/** A room the solver may put sessions in: its seats, its venue and what it is equipped with. */
public record PlanRoom(String slug, String name, String venue, int capacity, boolean screen, boolean power) {

  /** How many usual classes of {@code classSize} it seats at once. */
  int classes(int classSize) {
    return classSize <= 0 ? 0 : capacity / classSize;
  }
}
