package fr.parcours.allocation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Places an organiser keeps for a group of classes: {@code percent} of each track's places go
 * first to the group, in a phase of its own (the fairness rounds hold inside it), and what the
 * group leaves goes to everyone after. {@code level} is set for a {@link Kind#LEVEL} share only.
 */
public record Share(Kind kind, String level, int percent) {

  /** Who a share is for; {@link #code()} is its name in the database and the API. */
  public enum Kind {
    PRIORITY_EDUCATION("priority_education"),
    FIRST_TIME("first_time"),
    LEVEL("level");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<Kind> of(String code) {
      return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
  }

  public Share {
    level = kind == Kind.LEVEL ? level : null;
  }

  public static Share of(Kind kind, int percent) {
    return new Share(kind, null, percent);
  }

  public static Share level(String level, int percent) {
    return new Share(Kind.LEVEL, level, percent);
  }

  /** Whether the request belongs to the share's group. */
  public boolean covers(ClassRequest request) {
    return switch (kind) {
      case PRIORITY_EDUCATION -> request.priorityEducation();
      case FIRST_TIME -> request.firstTime();
      case LEVEL -> request.level().equals(level);
    };
  }
}
