package fr.parcours.booking;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckInCodeTest {

  @Property
  void everyCodeReadsBackAsItsBooking(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long id) {
    assertEquals(OptionalLong.of(id), CheckInCode.parse(CheckInCode.of(id)));
  }

  @Property
  void oneMistypedCharacterIsNeverAnotherClass(@ForAll @LongRange(min = 1, max = 10_000_000) long id,
                                               @ForAll @IntRange(min = 0, max = 7) int position,
                                               @ForAll @IntRange(min = 1, max = 31) int shift) {
    String code = CheckInCode.of(id).replace("-", "");
    String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    char wrong = alphabet.charAt((alphabet.indexOf(code.charAt(position)) + shift) % alphabet.length());
    String typo = code.substring(0, position) + wrong + code.substring(position + 1);
    assertTrue(CheckInCode.parse(typo).isEmpty(), typo);
  }

  @Test
  void neighbouringBookingsGetUnlikeCodesThatNeverCollide() {
    Set<String> codes = new HashSet<>();
    for (long id = 1; id <= 20_000; id++) {
      assertTrue(codes.add(CheckInCode.of(id)));
    }
    assertNotEquals(CheckInCode.of(1).substring(0, 4), CheckInCode.of(2).substring(0, 4));
  }

  @Test
  void aCodeIsReadAsPeopleTypeIt() {
    String code = CheckInCode.of(4242);
    assertEquals(9, code.length());
    assertEquals(OptionalLong.of(4242), CheckInCode.parse(" " + code.toLowerCase().replace("-", " ") + " "));
    assertTrue(CheckInCode.parse("").isEmpty());
    assertTrue(CheckInCode.parse("0000-0000").isEmpty());
    assertTrue(CheckInCode.parse(code + "2").isEmpty());
  }
}
