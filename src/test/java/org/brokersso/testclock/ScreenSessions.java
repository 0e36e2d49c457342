package org.brokersso.testclock;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test only, in the black-box test WAR: counts the HTTP sessions the server creates and keeps the
 * live ones, so that a test proves a cookie-less GET of a screen creates none, and a measurement
 * can weigh what a session holds ({@link ScreenSessionsResource}).
 */
@WebListener
public class ScreenSessions implements HttpSessionListener {

  static final AtomicLong CREATED = new AtomicLong();
  static final Set<HttpSession> LIVE = Collections.newSetFromMap(new ConcurrentHashMap<>());

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    CREATED.incrementAndGet();
    LIVE.add(event.getSession());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    LIVE.remove(event.getSession());
  }

  /** The bytes of the session's attributes, Java-serialized one by one (-1 for one that fails). */
  static long serializedSize(HttpSession session) {
    long total = 0;
    for (long size : attributeSizes(session).values()) {
      if (size < 0) {
        return -1;
      }
      total += size;
    }
    return total;
  }

  /** The session's attributes, names and values, Java-serialized in one stream (-1: cannot be). */
  static long serializedTogether(HttpSession session) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (String name : Collections.list(session.getAttributeNames())) {
        out.writeObject(name);
        out.writeObject(session.getAttribute(name));
      }
    } catch (IOException notSerializable) {
      return -1;
    } catch (IllegalStateException invalidated) {
      return 0;
    }
    return bytes.size();
  }

  /** Each attribute's name and value, Java-serialized: their bytes (-1: not serializable). */
  static Map<String, Long> attributeSizes(HttpSession session) {
    Map<String, Long> sizes = new TreeMap<>();
    try {
      for (String name : Collections.list(session.getAttributeNames())) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
          out.writeObject(name);
          out.writeObject(session.getAttribute(name));
          out.flush();
          sizes.put(name, (long) bytes.size());
        } catch (IOException notSerializable) {
          sizes.put(name, -1L);
        }
      }
    } catch (IllegalStateException invalidated) {
      return Map.of();
    }
    return sizes;
  }
}
