package dev.akguard.cli.git.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Talks to a {@link HookServer} from Java: {@code hook server --status/--stop}, and tests. Hooks
 * themselves use the Perl client in bin/akguard, which starts in milliseconds.
 */
public final class HookClient {
    private static final int MAX_RESPONSE = 256 << 20;

    private HookClient() {}

    public static HookWire.Response ask(Path socket, HookWire.Request request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(HookWire.encode(request));
            while (out.hasRemaining()) ch.write(out);
            ch.shutdownOutput();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 << 10);
            while (ch.read(buf) >= 0) {
                b.write(buf.array(), 0, buf.position());
                buf.clear();
                if (b.size() > MAX_RESPONSE) throw new IOException("response too large");
            }
            return HookWire.decodeResponse(b.toByteArray());
        }
    }
}
