package org.jointactivities.security;

import java.util.concurrent.atomic.AtomicInteger;

/** A class an attacker might name in a variable's type: counts how often the server built one. */
public class Tripwire {

  static final AtomicInteger BUILT = new AtomicInteger();

  private String command;

  public Tripwire() {
    BUILT.incrementAndGet();
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }
}
