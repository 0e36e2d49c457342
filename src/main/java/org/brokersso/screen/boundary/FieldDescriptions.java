package org.brokersso.screen.boundary;

import jakarta.el.ValueExpression;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.html.HtmlInputHidden;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ties every field of every form to its texts just before a screen is written (faces-config.xml),
 * so no view repeats it: {@code aria-describedby} names the field's rule ({@code <id>-hint}, shown
 * before the trader types) and, after a failed post, its error ({@code <id>-error}), and {@code
 * aria-invalid} marks it; both ids come from the {@code s:field} and {@code s:check} tags. Forms
 * get {@code novalidate}, so only the product's own messages, in the screen's language, appear;
 * e-mail and amount fields keep left-to-right inside a right-to-left page.
 */
public class FieldDescriptions implements SystemEventListener {

  @Override
  public boolean isListenerForSource(Object source) {
    return source instanceof UIViewRoot;
  }

  @Override
  public void processEvent(SystemEvent event) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ((UIViewRoot) event.getSource())
        .visitTree(
            VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_UNRENDERED)),
            (context, component) -> {
              if (component instanceof UIForm form) {
                form.getPassThroughAttributes().put("novalidate", "novalidate");
              } else if (component instanceof UIInput input
                  && !(component instanceof HtmlInputHidden)) {
                describe(faces, input);
              }
              return VisitResult.ACCEPT;
            });
  }

  private static void describe(FacesContext faces, UIInput input) {
    Map<String, Object> attributes = input.getPassThroughAttributes();
    List<String> describedBy = new ArrayList<>();
    part(faces, input, "-hint").ifPresent(describedBy::add);
    if (!faces.getMessageList(input.getClientId(faces)).isEmpty()) {
      attributes.put("aria-invalid", "true");
      part(faces, input, "-error").ifPresent(describedBy::add);
    }
    if (!describedBy.isEmpty()) {
      attributes.put("aria-describedby", String.join(" ", describedBy));
    }
    if ("email".equals(value(faces, attributes.get("type")))
        || "decimal".equals(value(faces, attributes.get("inputmode")))) {
      attributes.put("dir", "ltr"); // an address or a number reads left to right in Arabic too
    }
  }

  /** The client id of the field's rendered hint or error, by the tags' naming convention. */
  private static Optional<String> part(FacesContext faces, UIInput input, String suffix) {
    UIComponent part = input.findComponent(input.getId() + suffix);
    return part != null && part.isRendered()
        ? Optional.of(part.getClientId(faces))
        : Optional.empty();
  }

  private static Object value(FacesContext faces, Object attribute) {
    return attribute instanceof ValueExpression expression
        ? expression.getValue(faces.getELContext())
        : attribute;
  }
}
