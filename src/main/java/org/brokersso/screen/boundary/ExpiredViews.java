package org.brokersso.screen.boundary;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A view state that the request brings and Faces cannot restore is the client's: an expired form,
 * one from another session or node, or a forged value ({@code ViewState=stateless} on a view that
 * is not). Mojarra fails such a request with a plain FacesException ("Unable to restore view")
 * unless the state was merely missing; this makes every failure of the restore-view phase of a
 * request that carries a view state a {@link ViewExpiredException}, which {@link ScreenErrors}
 * answers with 403 and the "page expired" screen, never a 500. Registered in faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

  private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

  public ExpiredViews(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        ExceptionQueuedEventContext queued = events.next().getContext();
        FacesContext faces = queued.getContext();
        if (queued.getPhaseId() == PhaseId.RESTORE_VIEW
            && faces
                .getExternalContext()
                .getRequestParameterMap()
                .containsKey(ResponseStateManager.VIEW_STATE_PARAM)) {
          events.remove();
          Throwable failure = queued.getException();
          LOG.log(Level.FINE, "A view state that cannot be restored", failure);
          // no cause: FacesServlet would pass the cause on instead of this exception
          throw new ViewExpiredException(
              "The view state could not be restored",
              faces.getViewRoot() == null ? null : faces.getViewRoot().getViewId());
        }
      }
      getWrapped().handle();
    }
  }
}
