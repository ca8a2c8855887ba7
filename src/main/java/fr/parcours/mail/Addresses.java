package fr.parcours.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks an email address with the same parser that will send to it, so that what is accepted can be delivered. */
public final class Addresses {

  private Addresses() {
  }

  /** One plain address (no display name, no list), valid by RFC 822 as Jakarta Mail reads it. */
  public static boolean valid(String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      return parsed.getAddress().equals(address) && address.indexOf('@') > 0 && !address.contains(",");
    } catch (AddressException e) {
      return false;
    }
  }
}
