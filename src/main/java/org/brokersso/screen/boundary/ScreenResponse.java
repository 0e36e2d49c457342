package org.brokersso.screen.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** What a screen bean answers: a translated message on the same screen, or a redirect onward. */
@RequestScoped
public class ScreenResponse {

  @Inject FacesContext faces;
  @Inject ScreenParameters screen;

  /**
   * Shows the text of {@code key} (messages_*.properties) on the screen, in the screen's language.
   */
  public void error(String key, Object... arguments) {
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
  }

  /**
   * As {@link #error}, about one field of the form that was posted ({@code "email"}): the message
   * is shown beside that field and the field is marked invalid ({@link FieldDescriptions}).
   */
  public void invalid(String field, String key, Object... arguments) {
    faces.addMessage(
        postedForm()
            .map(form -> form + UINamingContainer.getSeparatorChar(faces) + field)
            .orElse(null),
        new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
  }

  /** The form that was posted; a walk, not a visit, which would ask {@link FormErrors} early. */
  private Optional<String> postedForm() {
    return postedForm(faces.getViewRoot());
  }

  private Optional<String> postedForm(UIComponent component) {
    if (component instanceof UIForm form && form.isSubmitted()) {
      return Optional.of(form.getClientId(faces));
    }
    for (Iterator<UIComponent> parts = component.getFacetsAndChildren(); parts.hasNext(); ) {
      Optional<String> found = postedForm(parts.next());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  public void info(String key, Object... arguments) {
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
  }

  public String text(String key, Object... arguments) {
    String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, screen.getLocale()).format(arguments);
  }

  /** Redirects to a screen of this product, keeping the flow's parameters (§6.10). */
  public void next(String path) {
    next(path, Map.of());
  }

  public void next(String path, Map<String, String> extra) {
    redirect(screen.link(path, extra));
  }

  /** Redirects to {@code url}; a path starting with "/" is on this server. */
  public void redirect(String url) {
    try {
      String target =
          url.startsWith("/")
                  && !url.startsWith(faces.getExternalContext().getRequestContextPath() + "/")
              ? faces.getExternalContext().getRequestContextPath() + url
              : url;
      faces.getExternalContext().redirect(target);
      faces.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
