package fr.parcours.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
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
 * token once. A visitor's token must have the length the splice was made for.
 * The CRC-32 of the gzip member (RFC 1952) is linear in the CRCs of its pieces (zlib's
 * crc32_combine): with the same token in every slot, it is the parts' combined once, xor one
 * operator prepared with the page applied to the token's CRC, 32 steps a response.
 */
final class GzipSplice {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int MAX_STORED = 65_535;

  /**
   * The response's bytes that are the same for every visitor, in direct memory, written without
   * a copy: the header, the parts and the repeat blocks up to each slot that stores the token.
   */
  private final List<ByteBuf> runs;
  private final int tokenLength;
  /** The page's CRC with a token whose CRC is zero; and what a token's CRC adds to it. */
  private final int partsCrc;
  private final int[] tokenCrcOperator;
  /** The page's length with the tokens in, modulo 2^32 as the gzip trailer holds it. */
  private final int pageLength;
  private final long compressedLength;

  /**
   * {@code parts}: the page's bytes between its token slots (as many slots as parts, less one),
   * for tokens of {@code tokenLength} bytes.
   */
  private GzipSplice(List<byte[]> parts, int tokenLength) {
    this.tokenLength = tokenLength;
    this.runs = runs(deflate(parts, new byte[tokenLength]), parts, tokenLength);
    this.compressedLength = runs.stream().mapToLong(ByteBuf::readableBytes).sum();
    this.pageLength = (int) (parts.stream().mapToLong(part -> part.length).sum() + (long) (parts.size() - 1) * tokenLength);
    int[] crcs = parts.stream().mapToInt(GzipSplice::crc).toArray();
    int[][] shifts = parts.stream().map(part -> shiftOperator(part.length)).toArray(int[][]::new);
    int[] tokenShift = shiftOperator(tokenLength);
    this.partsCrc = combine(crcs, 0, tokenShift, shifts);
    int[] none = new int[crcs.length];
    this.tokenCrcOperator = new int[32];
    for (int bit = 0; bit < 32; bit++) {
      tokenCrcOperator[bit] = combine(none, 1 << bit, tokenShift, shifts);
    }
  }

  /**
   * The header and compressed parts, cut where a slot stores the token: the first, and any slot
   * further than a back-reference reaches from the one before; the others repeat it.
   */
  private static List<ByteBuf> runs(List<byte[]> compressed, List<byte[]> parts, int tokenLength) {
    List<ByteBuf> runs = new ArrayList<>();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    run.writeBytes(HEADER);
    run.writeBytes(compressed.get(0));
    for (int slot = 1; slot < parts.size(); slot++) {
      byte[] repeat = slot == 1 ? null : Repeat.block(tokenLength, tokenLength + parts.get(slot - 1).length);
      if (repeat == null) {
        runs.add(Encoded.directMemory(run.toByteArray()));
        run.reset();
      } else {
        run.writeBytes(repeat);
      }
      run.writeBytes(compressed.get(slot));
    }
    runs.add(Encoded.directMemory(run.toByteArray()));
    return List.copyOf(runs);
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

  /**
   * The gzip of the page with {@code token} in every slot: the runs, between them the token
   * stored. Every piece is direct memory, so the response goes to the socket as it is (one
   * gathering write); a heap piece would have the whole page copied twice on its way out.
   */
  Buffer with(byte[] token) {
    if (!fits(token)) {
      throw new IllegalArgumentException("a token of another length than the splice's");
    }
    int crc = partsCrc ^ times(tokenCrcOperator, crc(token));
    // Little-endian, as deflate and gzip write numbers; the JDK frees it once no response holds it.
    ByteBuffer memory = ByteBuffer.allocateDirect(token.length + 5 + 8).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 0).putShort((short) token.length).putShort((short) ~token.length).put(token)
        .putInt(crc).putInt(pageLength);
    ByteBuf own = Unpooled.wrappedBuffer(memory.flip().order(ByteOrder.BIG_ENDIAN));
    ByteBuf stored = own.slice(0, token.length + 5);
    CompositeByteBuf out = Unpooled.compositeBuffer(2 * runs.size() + 1);
    out.addComponent(true, runs.get(0).duplicate());
    for (int i = 1; i < runs.size(); i++) {
      out.addComponent(true, stored.duplicate());
      out.addComponent(true, runs.get(i).duplicate());
    }
    out.addComponent(true, own.slice(token.length + 5, 8));
    return BufferInternal.buffer(out);
  }

  /** The CRC of the parts joined by a token of CRC {@code tokenCrc}, each shift the length of what it passes. */
  private static int combine(int[] crcs, int tokenCrc, int[] tokenShift, int[][] shifts) {
    int crc = crcs[0];
    for (int i = 1; i < crcs.length; i++) {
      crc = times(tokenShift, crc) ^ tokenCrc;
      crc = times(shifts[i], crc) ^ crcs[i];
    }
    return crc;
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
