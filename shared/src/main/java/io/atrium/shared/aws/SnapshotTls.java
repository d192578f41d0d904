package io.atrium.shared.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JDK's default TLS sockets, under an identity of their own (ADR 0018). The JDK keeps HTTPS connections alive
 * per URL and socket factory, so a new instance after a SnapStart restore means no connection opened before the
 * snapshot is used again, while every instance shares the JDK's one default TLS context (its trust store is read
 * once, when the first TLS connection is opened, not when a client is built).
 */
final class SnapshotTls extends SSLSocketFactory {

    private static SSLSocketFactory jdk() {
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return jdk().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return jdk().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return jdk().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return jdk().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return jdk().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return jdk().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return jdk().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return jdk().createSocket(address, port, localAddress, localPort);
    }
}
