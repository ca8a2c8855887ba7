package fr.parcours.allocation;

import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fair's shares as the API reads and writes them: {@code {"shares": [{"kind", "level"?,
 * "percent"}]}}. A share's places come out of each track's, so together they keep at most all of
 * them; a level share names one of the fair's levels; a group has one share.
 */
public final class AllocationShareInput {

  private static final List<String> KINDS = Arrays.stream(Share.Kind.values()).map(Share.Kind::code).toList();

  private AllocationShareInput() {
  }

  /** The shares of a PUT body, or one 400 naming every field at fault. */
  public static List<Share> parse(JsonInput body, List<String> levels) {
    List<Share> shares = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    List<JsonInput> items = body.objectList("shares", true);
    for (int i = 0; i < items.size(); i++) {
      JsonInput item = items.get(i);
      String kind = item.requiredChoice("kind", KINDS);
      Integer percent = item.requiredInt("percent", 1, 100);
      String level = Share.Kind.LEVEL.code().equals(kind) ? item.requiredText("level") : null;
      item.check(level == null || levels.contains(level), "level", "UNKNOWN_LEVEL", Map.of("levels", levels));
      if (kind != null && percent != null) {
        body.check(groups.add(kind + ":" + level), "shares[" + i + "]", "SHARE_REPEATED", Map.of());
        shares.add(new Share(Share.Kind.of(kind).orElseThrow(), level, percent));
      }
    }
    int total = shares.stream().mapToInt(Share::percent).sum();
    body.check(total <= 100, "shares", "SHARES_OVER_100", Map.of("total", total));
    body.validate();
    return shares;
  }

  public static JsonObject toJson(List<Share> shares) {
    JsonArray list = new JsonArray();
    shares.forEach(share -> list.add(new JsonObject().put("kind", share.kind().code()).put("level", share.level())
        .put("percent", share.percent())));
    return new JsonObject().put("shares", list);
  }
}
