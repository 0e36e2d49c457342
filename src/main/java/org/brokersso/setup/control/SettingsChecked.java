package org.brokersso.setup.control;

/**
 * A bean that reads settings it can refuse. The start-up check creates every such bean and calls
 * {@link #checkSettings()}, so that one start reports every refused setting at once, rather than
 * one per attempt in the order the beans happen to be created.
 */
public interface SettingsChecked {

  /**
   * Throws {@link IllegalStateException}, with a sentence a sysadmin can act on, when a setting
   * cannot work. Creating the bean may throw the same way; the default checks nothing more.
   */
  default void checkSettings() {}
}
