package dev.akguard.monitor.notify.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minimal loopback SMTP server that offers STARTTLS and AUTH PLAIN (only after TLS, as real
 * servers do), with a throwaway certificate for 127.0.0.1 made by keytool. Records each message and
 * whether it came over TLS.
 */
final class StartTlsSmtpServer implements AutoCloseable {
    record Received(
            String user,
            String password,
            boolean authOverTls,
            boolean dataOverTls,
            List<String> recipients,
            String data) {}

    private final ServerSocket server;
    private final SSLContext serverTls;
    private final SSLContext clientTls;
    private final List<Received> received = new ArrayList<>();
    private final Thread acceptor;

    /**
     * @param workDir where the keystore is made, once: servers created on the same directory share
     *     it
     */
    StartTlsSmtpServer(Path workDir) throws Exception {
        Path ks = workDir.resolve("smtp.p12");
        if (!Files.exists(ks)) makeKeystore(ks);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ks)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        Certificate cert = keys.getCertificate("smtp");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtp", cert);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void makeKeystore(Path ks) throws Exception {
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-keystore",
                                ks.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                "changeit",
                                "-keypass",
                                "changeit",
                                "-alias",
                                "smtp",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=127.0.0.1",
                                "-ext",
                                "san=ip:127.0.0.1",
                                "-validity",
                                "2")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0)
            throw new IllegalStateException("keytool failed: " + out);
    }

    /** A client context that trusts only this server's certificate. */
    SSLContext clientTls() {
        return clientTls;
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                session(s);
            } catch (IOException e) {
                // closed, or a client that went away: next one
            }
        }
    }

    private void session(Socket plain) throws IOException {
        Socket s = plain;
        boolean tls = false;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        send(out, "220 127.0.0.1 ESMTP test");
        String user = null;
        String password = null;
        boolean authOverTls = false;
        List<String> rcpt = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String cmd = line.toUpperCase(Locale.ROOT);
            if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                send(
                        out,
                        tls ? "250-127.0.0.1\r\n250 AUTH PLAIN" : "250-127.0.0.1\r\n250 STARTTLS");
            } else if (cmd.equals("STARTTLS")) {
                send(out, "220 go ahead");
                SSLSocket secured =
                        (SSLSocket)
                                serverTls
                                        .getSocketFactory()
                                        .createSocket(s, null, s.getPort(), true);
                secured.setUseClientMode(false);
                secured.startHandshake();
                s = secured;
                tls = true;
                in = reader(s);
                out = s.getOutputStream();
            } else if (cmd.startsWith("AUTH PLAIN")) {
                if (!tls) {
                    send(out, "530 must issue STARTTLS first");
                    continue;
                }
                String resp =
                        line.length() > "AUTH PLAIN".length()
                                ? line.substring("AUTH PLAIN".length()).trim()
                                : null;
                if (resp == null || resp.isEmpty()) {
                    send(out, "334 ");
                    resp = in.readLine();
                }
                String[] parts =
                        new String(Base64.getDecoder().decode(resp), StandardCharsets.UTF_8)
                                .split("\0", -1);
                user = parts[1];
                password = parts[2];
                authOverTls = tls;
                send(out, "235 authenticated");
            } else if (cmd.startsWith("MAIL FROM")) {
                send(out, "250 ok");
            } else if (cmd.startsWith("RCPT TO")) {
                rcpt.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                send(out, "250 ok");
            } else if (cmd.equals("DATA")) {
                send(out, "354 end with .");
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals("."))
                    data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                synchronized (this) {
                    received.add(
                            new Received(
                                    user,
                                    password,
                                    authOverTls,
                                    tls,
                                    List.copyOf(rcpt),
                                    data.toString()));
                }
                send(out, "250 queued");
            } else if (cmd.equals("QUIT")) {
                send(out, "221 bye");
                return;
            } else {
                send(out, "250 ok");
            }
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
