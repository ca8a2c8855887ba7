package fr.parcours.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a sentence of the other language in a text (a page, an email): words that only a
 * sentence of that language holds. The data the text quotes (titles, names, addresses) is
 * cut out first, as whole phrases, so that "Préserver la planète" on an English page is not a
 * French sentence, while "la" anywhere else still is.
 */
public final class LanguageCheck {

  /** Words that only an English sentence holds. */
  private static final Set<String> ENGLISH = Set.of("the", "is", "are", "must", "be", "of", "and", "with", "your",
      "this", "has", "have", "already", "cannot", "not", "been", "will", "should", "which", "there", "please",
      "required", "found", "people", "pupils", "after", "before", "between", "only", "than", "from", "sign", "choose",
      "left", "booking", "waiting", "list", "free", "full", "day", "time", "room", "track", "you", "we", "our", "for",
      "to", "at", "in", "yes", "here", "when", "who", "what", "it");
  /** Words that only a French sentence holds. */
  private static final Set<String> FRENCH = Set.of("est", "une", "pour", "avec", "vous", "votre", "vos", "doit",
      "être", "pas", "aux", "sur", "dans", "obligatoire", "déjà", "l'", "d'", "n'", "qu'", "les", "des", "du", "le", "la",
      "au", "ou", "et", "salle", "parcours", "inscription", "créneau", "séance", "séances", "élèves", "jour", "heure",
      "de", "un", "nous", "sont", "ce", "cette", "il", "elle", "qui", "que", "puis", "dès", "lieu", "matin", "après",
      "avant", "entre", "liste", "attente", "bonjour", "voici", "merci");
  /** A word, with the apostrophe of an elision ("l'", "qu'"): a lone "d" is a letter, "d'" is French. */
  private static final Pattern WORD = Pattern.compile("\\p{L}+['’]?");
  /** A link: its path and token are letters chosen by a machine, never a sentence ("…/manage/x8Il…"). */
  private static final Pattern LINK = Pattern.compile("https?://\\S+");
  /** Data shorter than this is a word any sentence may hold: it is not cut out. */
  private static final int SHORTEST_DATA = 4;

  private LanguageCheck() {
  }

  /** Each foreign word found, with the text around it; empty when the text speaks {@code language} only. */
  public static List<String> foreignWords(String text, String language, Collection<String> data) {
    String left = withoutData(text, data);
    Set<String> foreign = language.equals("fr") ? ENGLISH : FRENCH;
    List<String> found = new ArrayList<>();
    Matcher word = WORD.matcher(left);
    while (word.find()) {
      String said = word.group().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (foreign.contains(said) || foreign.contains(said.replace("'", ""))) {
        found.add("\"" + word.group() + "\" in …" + left.substring(Math.max(0, word.start() - 50),
            Math.min(left.length(), word.end() + 50)) + "…");
      }
    }
    return found;
  }

  /** The text with every quoted piece of data replaced by a mark, longest first. */
  static String withoutData(String text, Collection<String> data) {
    String left = LINK.matcher(text).replaceAll(" · ");
    List<String> pieces = data.stream().map(String::strip).filter(piece -> piece.length() >= SHORTEST_DATA)
        .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String piece : pieces) {
      left = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(piece) + "(?![\\p{L}\\d])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(left).replaceAll(" · ");
    }
    return left;
  }
}
