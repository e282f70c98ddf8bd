package dev.legacyguard.bench.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;

/**
 * A plain GET request as a container hands it to a filter: method, raw URI, headers (looked up
 * case-insensitively by a linear scan, as containers do) and attributes. What a bearer filter
 * has no business calling throws, so a benchmark can never measure a path it did not mean to.
 */
public final class PlainRequest implements HttpServletRequest {

    private final String method;
    private final String requestUri;
    private final HeaderList headers = new HeaderList();
    private final Map<String, Object> attributes = new HashMap<>();

    public PlainRequest(String method, String requestUri) {
        this.method = method;
        this.requestUri = requestUri;
    }

    public PlainRequest header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return requestUri;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getHeader(String name) {
        return headers.first(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.all(name));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.names());
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

@Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        throw unsupported("authenticate");
    }

    @Override
    public String changeSessionId() {
        throw unsupported("changeSessionId");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw unsupported("getAsyncContext");
    }

    @Override
    public String getCharacterEncoding() {
        throw unsupported("getCharacterEncoding");
    }

    @Override
    public long getContentLengthLong() {
        throw unsupported("getContentLengthLong");
    }

    @Override
    public int getContentLength() {
        throw unsupported("getContentLength");
    }

    @Override
    public String getContentType() {
        throw unsupported("getContentType");
    }

    @Override
    public Cookie[] getCookies() {
        throw unsupported("getCookies");
    }

    @Override
    public long getDateHeader(String name) {
        throw unsupported("getDateHeader");
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        throw unsupported("getInputStream");
    }

    @Override
    public String getLocalAddr() {
        throw unsupported("getLocalAddr");
    }

    @Override
    public String getLocalName() {
        throw unsupported("getLocalName");
    }

    @Override
    public int getLocalPort() {
        throw unsupported("getLocalPort");
    }

    @Override
    public Enumeration<Locale> getLocales() {
        throw unsupported("getLocales");
    }

    @Override
    public Locale getLocale() {
        throw unsupported("getLocale");
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        throw unsupported("getParameterMap");
    }

    @Override
    public Enumeration<String> getParameterNames() {
        throw unsupported("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String name) {
        throw unsupported("getParameterValues");
    }

    @Override
    public String getParameter(String name) {
        throw unsupported("getParameter");
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        throw unsupported("getParts");
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        throw unsupported("getPart");
    }

    @Override
    public String getPathTranslated() {
        throw unsupported("getPathTranslated");
    }

    @Override
    public String getProtocolRequestId() {
        throw unsupported("getProtocolRequestId");
    }

    @Override
    public BufferedReader getReader() throws IOException {
        throw unsupported("getReader");
    }

    @Override
    public String getRemoteAddr() {
        throw unsupported("getRemoteAddr");
    }

    @Override
    public String getRemoteHost() {
        throw unsupported("getRemoteHost");
    }

    @Override
    public int getRemotePort() {
        throw unsupported("getRemotePort");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public String getRequestId() {
        throw unsupported("getRequestId");
    }

    @Override
    public StringBuffer getRequestURL() {
        throw unsupported("getRequestURL");
    }

    @Override
    public String getRequestedSessionId() {
        throw unsupported("getRequestedSessionId");
    }

    @Override
    public String getServerName() {
        throw unsupported("getServerName");
    }

    @Override
    public int getServerPort() {
        throw unsupported("getServerPort");
    }

    @Override
    public ServletConnection getServletConnection() {
        throw unsupported("getServletConnection");
    }

    @Override
    public ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public HttpSession getSession() {
        throw unsupported("getSession");
    }

    @Override
    public HttpSession getSession(boolean create) {
        throw unsupported("getSession");
    }

    @Override
    public boolean isAsyncStarted() {
        throw unsupported("isAsyncStarted");
    }

    @Override
    public boolean isAsyncSupported() {
        throw unsupported("isAsyncSupported");
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        throw unsupported("isRequestedSessionIdFromCookie");
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        throw unsupported("isRequestedSessionIdFromURL");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        throw unsupported("isRequestedSessionIdValid");
    }

    @Override
    public void login(String username, String password) throws ServletException {
        throw unsupported("login");
    }

    @Override
    public void logout() throws ServletException {
        throw unsupported("logout");
    }

    @Override
    public void setCharacterEncoding(String charset) throws UnsupportedEncodingException {
        throw unsupported("setCharacterEncoding");
    }

    @Override
    public AsyncContext startAsync() throws IllegalStateException {
        throw unsupported("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) throws IllegalStateException {
        throw unsupported("startAsync");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        throw unsupported("upgrade");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("PlainRequest." + method + " is not part of the benchmarked path");
    }
}
