package dev.akguard.lsp.launch;

import dev.akguard.lsp.AkguardLanguageServer;
import dev.akguard.lsp.ServerOptions;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams: stdin/stdout for editors, pipes for tests.
 * {@code java -cp … dev.akguard.lsp.launch.StdioLauncher} is the server without the CLI around it.
 */
public final class StdioLauncher {
    private StdioLauncher() {}

    /** A started server and its connection. */
    public record Running(
            AkguardLanguageServer server,
            Launcher<LanguageClient> launcher,
            Future<Void> listening) {}

    public static void main(String[] args) {
        System.exit(runOnStdio());
    }

    /**
     * Serves on stdin/stdout until the client exits or closes the connection. Stdout is the
     * protocol channel, so it is taken first and {@code System.out} is pointed at stderr: a stray
     * println anywhere (ours or a library's) would otherwise corrupt the JSON-RPC stream.
     *
     * @return the exit status when the input ends without an exit notification
     */
    public static int runOnStdio() {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        InputStream protocolIn = new FileInputStream(FileDescriptor.in);
        PrintStream err = System.err;
        System.setOut(err);
        Running r = start(protocolIn, protocolOut, ServerOptions.standard(err));
        try {
            r.listening().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            err.println("[akguard-lsp] connection failed: " + e.getCause());
        }
        err.println("[akguard-lsp] the client closed the connection; exiting");
        return 1; // LSP: ending without shutdown + exit is an abnormal end
    }

    /**
     * A request we do not implement (lsp4j's default methods throw UnsupportedOperationException,
     * e.g. hover) is MethodNotFound, as LSP asks, not an Internal error with a SEVERE stack trace
     * in the editor's log.
     */
    static ResponseError responseError(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                        || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof UnsupportedOperationException) {
            return new ResponseError(
                    ResponseErrorCode.MethodNotFound,
                    "akguard does not support this request",
                    null);
        }
        return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(t);
    }

    public static Running start(InputStream in, OutputStream out, ServerOptions options) {
        AkguardLanguageServer server = new AkguardLanguageServer(options);
        Launcher<LanguageClient> launcher =
                new LSPLauncher.Builder<LanguageClient>()
                        .setLocalService(server)
                        .setRemoteInterface(LanguageClient.class)
                        .setInput(in)
                        .setOutput(out)
                        .setExceptionHandler(StdioLauncher::responseError)
                        .create();
        server.connect(launcher.getRemoteProxy());
        return new Running(server, launcher, launcher.startListening());
    }
}
