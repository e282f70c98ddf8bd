package dev.legacyguard.agent.it.app.war;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A legacy web app's outgoing call: {@code GET ?url=URL} fetches URL with the subclass's
 * client and answers {@code status=CODE BODY}, or {@code error=EXCEPTION: MESSAGE}. It knows
 * nothing about the agent.
 */
public abstract class OutgoingCallServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** {@code status=CODE BODY} of a GET of {@code url}. */
    abstract String fetch(String url) throws Exception;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        try {
            outcome = fetch(request.getParameter("url"));
        } catch (Exception e) {
            outcome = "error=" + e.getClass().getName() + ": " + e.getMessage();
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }
}
