package dev.legacyguard.bench.filter;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;

import dev.legacyguard.bench.servlet.FilterProperties;
import dev.legacyguard.bench.servlet.PassingChain;
import dev.legacyguard.bench.servlet.PlainRequest;
import dev.legacyguard.bench.servlet.PlainResponse;

/** One request, its response and the chain behind the filter. */
final class Exchange {

    final PlainRequest request;
    final PlainResponse response = new PlainResponse();
    final PassingChain chain = new PassingChain();

    Exchange(String token) {
        request = new PlainRequest("GET", FilterProperties.PROTECTED_PATH)
                .header("Host", "api.bench.example")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    ServletRequest through(Filter filter) throws IOException, ServletException {
        filter.doFilter(request, response, chain);
        return chain.passed();
    }

    /** Throws, saying what the filter answered, unless it lets a request with {@code token} through. */
    static void expectPassed(Filter filter, String token) {
        Exchange exchange = new Exchange(token);
        try {
            if (exchange.through(filter) == null) {
                throw new IllegalStateException("the filter refused the benchmark token: " + exchange.answer());
            }
        } catch (IOException | ServletException e) {
            throw new IllegalStateException("the filter failed on the benchmark token", e);
        }
    }

    /** Fails the iteration when the filter answered anything but a pass since the exchange was made. */
    void expectNoRefusal() {
        if (response.getStatus() != 200) {
            throw new IllegalStateException("the filter refused a benchmark request: " + answer());
        }
    }

    private String answer() {
        return response.getStatus() + ", WWW-Authenticate: " + response.getHeader("WWW-Authenticate") + ", body: "
                + response.body();
    }
}
