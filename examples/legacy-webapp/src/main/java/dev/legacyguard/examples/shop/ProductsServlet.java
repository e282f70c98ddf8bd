package dev.legacyguard.examples.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A legacy products API. It knows nothing about tokens: it asks the container who is calling
 * ({@code getUserPrincipal}) and what they may do ({@code isUserInRole}), as servlet code has
 * always done. The filter declared in web.xml answers both from the validated Logto token.
 */
public class ProductsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PRODUCTS = 1000;
    private static final int MAX_NAME_LENGTH = 200;

    private final List<String> products = new CopyOnWriteArrayList<>(Arrays.asList("teapot", "kettle"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder json = new StringBuilder("{").append(caller(request)).append(",\"products\":[");
        for (int i = 0; i < products.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(products.get(i)));
        }
        write(response, HttpServletResponse.SC_OK, json.append("]}").toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = readName(request);
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            write(response, HttpServletResponse.SC_BAD_REQUEST,
                    "{\"error\":\"send the product name as the request body (1 to " + MAX_NAME_LENGTH + " characters)\"}");
            return;
        }
        if (products.size() >= MAX_PRODUCTS) {
            write(response, HttpServletResponse.SC_CONFLICT, "{\"error\":\"the example shop is full\"}");
            return;
        }
        products.add(name);
        write(response, HttpServletResponse.SC_OK, "{" + caller(request) + ",\"added\":" + quote(name) + "}");
    }

    /** Who called and what they may do, from the standard servlet API only. */
    private static String caller(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return "\"caller\":" + (principal == null ? "null" : quote(principal.getName()))
                + ",\"mayRead\":" + request.isUserInRole("read:products")
                + ",\"mayWrite\":" + request.isUserInRole("write:products");
    }

    private static String readName(HttpServletRequest request) throws IOException {
        StringBuilder name = new StringBuilder();
        try (BufferedReader reader = request.getReader()) {
            char[] buffer = new char[256];
            for (int n; (n = reader.read(buffer)) > 0 && name.length() <= MAX_NAME_LENGTH; ) {
                name.append(buffer, 0, n);
            }
        }
        return name.toString().trim();
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
