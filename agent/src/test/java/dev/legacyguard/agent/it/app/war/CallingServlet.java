package dev.legacyguard.agent.it.app.war;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * A legacy web app's outgoing call: {@code GET ?url=URL} fetches URL with the HttpClient 4 the
 * WAR bundles in {@code WEB-INF/lib} and answers {@code status=CODE BODY}, or
 * {@code error=EXCEPTION: MESSAGE}. It knows nothing about the agent.
 */
public final class CallingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient CloseableHttpClient client;

    @Override
    public void init() {
        client = HttpClients.createDefault();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        try (CloseableHttpResponse answer = client.execute(new HttpGet(request.getParameter("url")))) {
            outcome = "status=" + answer.getStatusLine().getStatusCode() + " " + EntityUtils.toString(answer.getEntity());
        } catch (Exception e) {
            outcome = "error=" + e.getClass().getName() + ": " + e.getMessage();
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }

    @Override
    public void destroy() {
        try {
            client.close();
        } catch (IOException e) {
            log("could not close the HTTP client", e);
        }
    }
}
