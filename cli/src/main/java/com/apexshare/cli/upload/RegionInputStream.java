package com.apexshare.cli.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.LongConsumer;

/**
 * A byte range of a file read with positional reads, so that several parts of one {@link FileChannel} stream at once
 * without sharing a file position. Reports every chunk read, for progress.
 */
final class RegionInputStream extends InputStream {

    private final FileChannel channel;
    private final long end;
    private final LongConsumer onRead;
    private long position;

    RegionInputStream(FileChannel channel, long offset, long length, LongConsumer onRead) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
        this.onRead = onRead;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = end - position;
        if (left <= 0) {
            return -1;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
        int n = channel.read(buffer, position);
        if (n < 0) {
            throw new IOException("the file became shorter while it was uploaded (at byte " + position + ")");
        }
        position += n;
        onRead.accept(n);
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
}
