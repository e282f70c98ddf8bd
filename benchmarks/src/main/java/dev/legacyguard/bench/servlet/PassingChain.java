package dev.legacyguard.bench.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The rest of the application: takes the request the filter let through and does nothing else. */
public final class PassingChain implements FilterChain {

    private ServletRequest passed;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
        passed = request;
    }

    /** The request the filter last let through, or null when it never let one through. */
    public ServletRequest passed() {
        return passed;
    }
}
