package fr.parcours.web;

import java.io.ByteArrayOutputStream;

/**
 * A deflate block (RFC 1951, fixed Huffman codes) of a single back-reference, then an empty stored
 * block back onto a byte boundary: it repeats {@code length} bytes from {@code distance} back,
 * whatever they are. About 9 bytes, where a stored token takes its own length and 5.
 */
final class Repeat {

  private static final int[] LENGTH_BASES = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
      67, 83, 99, 115, 131, 163, 195, 227, 258};
  private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
      5, 5, 5, 5, 0};
  private static final int[] DISTANCE_BASES = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
      513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
      10, 11, 11, 12, 12, 13, 13};
  static final int MAX_DISTANCE = 32_768;
  private static final int MAX_LENGTH = 258;
  private static final int END_OF_BLOCK = 256;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(16);
  private int bits;
  private int count;

  private Repeat() {
  }

  /** The block, or null when deflate cannot say it in one back-reference. */
  static byte[] block(int length, int distance) {
    if (length < 3 || length > MAX_LENGTH || distance > MAX_DISTANCE) {
      return null;
    }
    Repeat block = new Repeat();
    block.write(0, 1).write(1, 2); // not the last block; fixed Huffman codes
    int lengthCode = code(LENGTH_BASES, length);
    block.symbol(257 + lengthCode).write(length - LENGTH_BASES[lengthCode], LENGTH_EXTRA[lengthCode]);
    int distanceCode = code(DISTANCE_BASES, distance);
    block.huffman(distanceCode, 5).write(distance - DISTANCE_BASES[distanceCode], DISTANCE_EXTRA[distanceCode]);
    block.symbol(END_OF_BLOCK);
    // An empty stored block: its header, then the byte boundary, then a length of 0 and its complement.
    block.write(0, 3).align();
    block.out.writeBytes(new byte[] {0, 0, (byte) 0xff, (byte) 0xff});
    return block.out.toByteArray();
  }

  private static int code(int[] bases, int value) {
    int code = bases.length - 1;
    while (bases[code] > value) {
      code--;
    }
    return code;
  }

  /** A literal/length symbol in the fixed code (lengths only: 256 to 287). */
  private Repeat symbol(int symbol) {
    return symbol < 280 ? huffman(symbol - 256, 7) : huffman(0xc0 + symbol - 280, 8);
  }

  /** Huffman codes go most significant bit first. */
  private Repeat huffman(int code, int length) {
    return write(Integer.reverse(code) >>> (32 - length), length);
  }

  /** Other fields go least significant bit first. */
  private Repeat write(int value, int length) {
    bits |= value << count;
    count += length;
    while (count >= 8) {
      out.write(bits & 0xff);
      bits >>>= 8;
      count -= 8;
    }
    return this;
  }

  private void align() {
    if (count > 0) {
      out.write(bits & 0xff);
      bits = 0;
      count = 0;
    }
  }
}
