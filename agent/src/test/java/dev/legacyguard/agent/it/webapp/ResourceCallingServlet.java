package dev.legacyguard.agent.it.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * A legacy web app's servlet that calls an API, knowing nothing of the agent: {@code ?url=URL}
 * calls {@code URL/huc} with HttpURLConnection and {@code URL/hc4} with the HttpClient 4 in its
 * own {@code WEB-INF/lib}, and answers both statuses.
 */
public final class ResourceCallingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient CloseableHttpClient httpClient;

    @Override
    public void init() {
        httpClient = HttpClients.createDefault();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = request.getParameter("url");
        String answer = "huc=" + callWithHttpUrlConnection(url + "/huc") + " hc4=" + callWithHttpClient4(url + "/hc4");
        response.setContentType("text/plain");
        response.getWriter().print(answer);
    }

    private static int callWithHttpUrlConnection(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    private int callWithHttpClient4(String url) throws IOException {
        try (CloseableHttpResponse answer = httpClient.execute(new HttpGet(url))) {
            EntityUtils.consume(answer.getEntity());
            return answer.getStatusLine().getStatusCode();
        }
    }

    @Override
    public void destroy() {
        try {
            httpClient.close();
        } catch (IOException e) {
            log("could not close the HttpClient", e);
        }
    }
}
