package org.brokersso.testfault;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test only, in the black-box test WAR: {@code GET /it/fault} fails as a broken database would,
 * with the kind of message that must never reach a browser ({@link #MESSAGE}), so a test can see
 * what the server answers to an unexpected failure. A product WAR has no such path.
 */
@WebServlet("/it/fault")
public class ServerFaultServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** What the failure says: SQL, a column type and a database version. */
  public static final String MESSAGE =
      "org.h2.jdbc.JdbcSQLDataException: Value too long for column \"AMOUNT DECIMAL(19, 8)\";"
          + " SQL statement: insert into money_movement (amount) values (?) [22001-232]"
          + " H2 2.3.232";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    throw new IllegalStateException(MESSAGE);
  }
}
