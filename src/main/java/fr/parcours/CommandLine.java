package fr.parcours;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed arguments of {@code parcours.jar}. Anything it does not know is refused: a typo
 * such as {@code --dmeo} must not start a server without the demo.
 */
record CommandLine(Command command, boolean demo, Optional<Path> configFile, Map<String, String> options) {

  static final String USAGE = "Usage: java -jar parcours.jar [--demo] [--config FILE]"
      + " | create-organiser --email E --name N [--config FILE] | --help";

  enum Command { SERVE, CREATE_ORGANISER, HELP }

  private static final Set<String> FLAGS = Set.of("--demo", "--help", "-h");
  private static final Map<Command, Set<String>> VALUED = Map.of(
      Command.SERVE, Set.of("--config"),
      Command.CREATE_ORGANISER, Set.of("--config", "--email", "--name"));

  /** Throws {@link IllegalArgumentException} saying what is wrong with the arguments. */
  static CommandLine parse(List<String> args) {
    boolean creating = !args.isEmpty() && args.get(0).equals("create-organiser");
    Command command = creating ? Command.CREATE_ORGANISER : Command.SERVE;
    Map<String, String> options = new HashMap<>();
    boolean demo = false;
    boolean help = false;
    for (int i = creating ? 1 : 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (VALUED.get(command).contains(arg)) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new IllegalArgumentException("option " + arg + " needs a value");
        }
        options.put(arg, args.get(++i));
      } else if (FLAGS.contains(arg) && !(creating && arg.equals("--demo"))) {
        demo |= arg.equals("--demo");
        help |= !arg.equals("--demo");
      } else {
        throw new IllegalArgumentException("unknown " + (arg.startsWith("-") ? "option " : "argument ") + arg);
      }
    }
    if (creating && !help && (!options.containsKey("--email") || !options.containsKey("--name"))) {
      throw new IllegalArgumentException("create-organiser needs --email and --name");
    }
    return new CommandLine(help ? Command.HELP : command, demo,
        Optional.ofNullable(options.get("--config")).map(Path::of), Map.copyOf(options));
  }

  String option(String name) {
    return options.get(name);
  }
}
