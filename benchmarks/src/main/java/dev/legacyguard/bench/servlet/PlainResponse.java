package dev.legacyguard.bench.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A response that keeps what a filter answers (status, headers, body) in memory, so a benchmark
 * can check that the request it measures was let through and, if not, say why.
 */
public final class PlainResponse implements HttpServletResponse {

    private final HeaderList headers = new HeaderList();
    private final StringWriter text = new StringWriter();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int status = SC_OK;
    private String contentType;
    private String characterEncoding = "ISO-8859-1";

    /** The body written so far, as text. */
    public String body() {
        return text + bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int status) {
        this.status = status;
    }

    @Override
    public void sendError(int status, String message) {
        this.status = status;
        text.write(message == null ? "" : message);
    }

    @Override
    public void setHeader(String name, String value) {
        headers.replace(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        headers.add(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public String getHeader(String name) {
        return headers.first(name);
    }

    @Override
    public boolean containsHeader(String name) {
        return getHeader(name) != null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return headers.all(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return headers.names();
    }

    @Override
    public void setContentType(String type) {
        this.contentType = type;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        this.characterEncoding = charset;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public void setContentLength(int length) {
        // The body is kept whole in memory; its length needs no announcing.
    }

    @Override
    public void setContentLengthLong(long length) {
        // As setContentLength.
    }

    @Override
    public PrintWriter getWriter() {
        return new PrintWriter(text);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw unsupported("getOutputStream().setWriteListener");
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void flushBuffer() {
        // Nothing is sent anywhere.
    }

    @Override
    public int getBufferSize() {
        return 8192;
    }

    @Override
    public void setBufferSize(int size) {
        // Nothing is buffered for sending.
    }

    @Override
    public void resetBuffer() {
        text.getBuffer().setLength(0);
        bytes.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        status = SC_OK;
        contentType = null;
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

@Override
    public void addCookie(Cookie cookie) {
        throw unsupported("addCookie");
    }

    @Override
    public void addDateHeader(String name, long date) {
        throw unsupported("addDateHeader");
    }

    @Override
    public String encodeRedirectURL(String url) {
        throw unsupported("encodeRedirectURL");
    }

    @Override
    public String encodeURL(String url) {
        throw unsupported("encodeURL");
    }

    @Override
    public void sendRedirect(String url) throws IOException {
        throw unsupported("sendRedirect");
    }

    @Override
    public void setDateHeader(String name, long date) {
        throw unsupported("setDateHeader");
    }

    @Override
    public void setLocale(Locale locale) {
        throw unsupported("setLocale");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("PlainResponse." + method + " is not part of the benchmarked path");
    }
}
