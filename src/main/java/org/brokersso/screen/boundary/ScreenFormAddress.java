package org.brokersso.screen.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Set;

/**
 * Every form posts to its screen's address with the flow's display and tracking parameters in the
 * query string ({@code /auth/login?lang=es&eventName=x}), so that the post and every step after it
 * keep them (§5.3, §6.10) without a server session to remember them in: an anonymous visitor gets
 * none (docs/screens.md). Registered in faces-config.xml.
 */
public class ScreenFormAddress extends ViewHandlerWrapper {

  public ScreenFormAddress(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String address = super.getActionURL(context, viewId);
    // a Faces artefact built by the runtime, so the request's bean is looked up, not injected
    return CDI.current()
        .select(ScreenParameters.class)
        .get()
        .carriedQuery(Set.of())
        .map(query -> address + (address.contains("?") ? "&" : "?") + query)
        .orElse(address);
  }
}
