package org.brokersso.screen.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The screen's messages as the template shows them ({@code #{formErrors}}): the error summary at
 * the top of the card (messages about no field first, then each field's in the order the fields
 * appear, each linking to its field), the count in the page title, and the other notices.
 */
@Named("formErrors")
@RequestScoped
public class FormErrors {

  /** One error; {@code field} is the client id of the field it is about, or null. */
  public record Problem(String field, String text) {}

  @Inject FacesContext faces;
  @Inject ScreenResponse response;

  private List<Problem> problems;

  public List<Problem> getProblems() {
    if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      return collect(); // a post's earlier phases ask whether the summary is rendered: not final
    }
    if (problems == null) {
      problems = collect();
    }
    return problems;
  }

  public int getCount() {
    return getProblems().size();
  }

  /** "Error: 2 problems · ", written before the page's own title; empty without errors. */
  public String getTitlePrefix() {
    return getCount() == 0 ? "" : response.text("errors.title", getCount()) + " · ";
  }

  public String getHeading() {
    return response.text("errors.summary", getCount());
  }

  /** The messages that are not errors (a saved request that goes on by itself, say). */
  public List<String> getNotices() {
    return faces.getMessageList().stream()
        .filter(m -> !isError(m))
        .map(FacesMessage::getSummary)
        .toList();
  }

  private List<Problem> collect() {
    List<Problem> found = new ArrayList<>();
    faces.getMessageList(null).stream()
        .filter(FormErrors::isError)
        .forEach(m -> found.add(new Problem(null, m.getSummary())));
    Set<String> fields = new LinkedHashSet<>();
    inputs(faces.getViewRoot(), fields);
    for (String field : fields) {
      faces.getMessageList(field).stream()
          .filter(FormErrors::isError)
          .forEach(m -> found.add(new Problem(field, m.getSummary())));
    }
    // a message about a field that is not on the screen still reaches the trader, without a link
    for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
      String id = ids.next();
      if (id != null && !fields.contains(id)) {
        faces.getMessageList(id).stream()
            .filter(FormErrors::isError)
            .forEach(m -> found.add(new Problem(null, m.getSummary())));
      }
    }
    return List.copyOf(found);
  }

  /**
   * The client ids of the view's inputs in document order. A walk of the tree, not a visit: a visit
   * asks each part whether it is rendered, and the summary's parts ask for this list.
   */
  private void inputs(UIComponent component, Set<String> found) {
    if (component instanceof UIInput) {
      found.add(component.getClientId(faces));
    }
    component.getFacetsAndChildren().forEachRemaining(child -> inputs(child, found));
  }

  private static boolean isError(FacesMessage message) {
    return message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0;
  }
}
