package fr.parcours.web;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip of a page whose fixed parts are compressed once, with each visitor's token spliced
 * between them as it is: a response joins the compressed parts and the token's few bytes instead
 * of compressing 280 KB (3 ms of CPU a page). The parts are one deflate stream (RFC 1951), sync
 * flushed at each slot onto a byte boundary, where the token goes as a stored block. The
 * compressor is told the slot held as many NUL bytes (a dictionary appended to its window):
 * distances that reach back over a slot count the token's length, and no match can copy from
 * it, as no page holds a NUL. A slot within 32 KB of the one before copies the token from there
 * (a block of one back-reference, made once: {@link Repeat}), so a page of 300 forms carries its
 * token once. A visitor's token must have the length the splice was made for;
 * the CRC-32 of the gzip member (RFC 1952) is combined from the parts' and the token's without
 * reading the page again.
 */
final class GzipSplice {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int MAX_STORED = 65_535;

  private final List<byte[]> compressed;
  private final int tokenLength;
  private final int[] tokenShift;
  private final int[] crcs;
  private final int[][] shifts;
  /** For each slot, the block copying the token from the slot before; null where it is too far. */
  private final byte[][] repeats;
  private final long plainLength;
  private final long compressedLength;

  /**
   * {@code parts}: the page's bytes between its token slots (as many slots as parts, less one),
   * for tokens of {@code tokenLength} bytes.
   */
  private GzipSplice(List<byte[]> parts, int tokenLength) {
    this.compressed = deflate(parts, new byte[tokenLength]);
    this.tokenLength = tokenLength;
    this.tokenShift = shiftOperator(tokenLength);
    this.crcs = parts.stream().mapToInt(GzipSplice::crc).toArray();
    this.shifts = parts.stream().map(part -> shiftOperator(part.length)).toArray(int[][]::new);
    this.plainLength = parts.stream().mapToLong(part -> part.length).sum();
    this.repeats = new byte[parts.size()][];
    for (int slot = 2; slot < parts.size(); slot++) {
      repeats[slot] = Repeat.block(tokenLength, tokenLength + parts.get(slot - 1).length);
    }
    this.compressedLength = compressed.stream().mapToLong(part -> part.length).sum()
        + Arrays.stream(repeats).mapToLong(block -> block == null ? 0 : block.length).sum();
  }

  /** The splice of {@code parts} for tokens of {@code tokenLength} bytes; none when a part holds a NUL. */
  static Optional<GzipSplice> of(List<byte[]> parts, int tokenLength) {
    if (tokenLength > MAX_STORED || parts.stream().anyMatch(GzipSplice::holdsNul)) {
      return Optional.empty();
    }
    return Optional.of(new GzipSplice(parts, tokenLength));
  }

  /** Whether {@code token} can go in the slots: it has the length the parts were compressed for. */
  boolean fits(byte[] token) {
    return token.length == tokenLength;
  }

  /** The memory it holds, for the cache's bound. */
  long bytes() {
    return compressedLength;
  }

  /** The gzip of the page with {@code token} in every slot. */
  Buffer with(byte[] token) {
    if (!fits(token)) {
      throw new IllegalArgumentException("a token of another length than the splice's");
    }
    int slots = compressed.size() - 1;
    int tokenCrc = crc(token);
    Buffer out = Buffer.buffer((int) bytes() + slots * (token.length + 5) + HEADER.length + 8).appendBytes(HEADER);
    int crc = crcs[0];
    out.appendBytes(compressed.get(0));
    for (int i = 1; i <= slots; i++) {
      if (repeats[i] == null) {
        stored(out, token);
      } else {
        out.appendBytes(repeats[i]);
      }
      crc = times(tokenShift, crc) ^ tokenCrc;
      out.appendBytes(compressed.get(i));
      crc = times(shifts[i], crc) ^ crcs[i];
    }
    return out.appendIntLE(crc).appendIntLE((int) (plainLength + (long) slots * token.length));
  }

  /** A non-final stored block: it begins on the byte boundary the part before ended on. */
  private static void stored(Buffer out, byte[] bytes) {
    out.appendByte((byte) 0).appendUnsignedShortLE(bytes.length).appendUnsignedShortLE(~bytes.length & 0xffff)
        .appendBytes(bytes);
  }

  /** Each part compressed, in one stream that takes {@code slot} into its window between them. */
  private static List<byte[]> deflate(List<byte[]> parts, byte[] slot) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      List<byte[]> compressed = new ArrayList<>();
      byte[] chunk = new byte[16 * 1024];
      for (int i = 0; i < parts.size(); i++) {
        boolean last = i == parts.size() - 1;
        if (i > 0) {
          deflater.setDictionary(slot);
        }
        deflater.setInput(parts.get(i));
        if (last) {
          deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.get(i).length / 4 + 64);
        int written;
        do {
          written = deflater.deflate(chunk, 0, chunk.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
          out.write(chunk, 0, written);
        } while (last ? !deflater.finished() : written == chunk.length || !deflater.needsInput());
        compressed.add(out.toByteArray());
      }
      return List.copyOf(compressed);
    } finally {
      deflater.end();
    }
  }

  private static boolean holdsNul(byte[] part) {
    for (byte b : part) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /**
   * The GF(2) matrix that turns the CRC-32 of A into that of A followed by {@code length} zero
   * bytes (zlib's crc32_combine): crc(A B) = shift(crc(A), |B|) xor crc(B).
   */
  static int[] shiftOperator(int length) {
    int[] result = identity();
    int[] power = oneZeroBit();
    // Squared three times: from one zero bit to one zero byte.
    for (int i = 0; i < 3; i++) {
      power = square(power);
    }
    for (int remaining = length; remaining > 0; remaining >>>= 1) {
      if ((remaining & 1) != 0) {
        result = compose(power, result);
      }
      power = square(power);
    }
    return result;
  }

  /** The operator for one zero bit of the reflected CRC-32 polynomial. */
  private static int[] oneZeroBit() {
    int[] matrix = new int[32];
    matrix[0] = 0xedb88320;
    for (int n = 1; n < 32; n++) {
      matrix[n] = 1 << (n - 1);
    }
    return matrix;
  }

  private static int[] identity() {
    int[] matrix = new int[32];
    for (int n = 0; n < 32; n++) {
      matrix[n] = 1 << n;
    }
    return matrix;
  }

  private static int times(int[] matrix, int vector) {
    int sum = 0;
    for (int i = 0; vector != 0; i++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[i];
      }
    }
    return sum;
  }

  private static int[] square(int[] matrix) {
    return compose(matrix, matrix);
  }

  /** The operator applying {@code second} then {@code first}. */
  private static int[] compose(int[] first, int[] second) {
    int[] result = new int[32];
    for (int n = 0; n < 32; n++) {
      result[n] = times(first, second[n]);
    }
    return result;
  }
}
