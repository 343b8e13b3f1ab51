package dev.cuegate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The part of the manager's {@code Task} document that the agent acts on. */
record AgentTask(String id, String name, List<Command> commands) {
  AgentTask {
    commands = List.copyOf(commands);
  }

  /** One command of a task: its name ({@code exec}, {@code echo}, ...) and its settings. */
  record Command(String name, JsonNode settings) {}

  /** Reads a {@code Task} document; throws {@link IllegalArgumentException} without an id. */
  static AgentTask parse(JsonNode document) {
    String id = document.path("_id").asText("");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("the task has no _id: " + document);
    }
    List<Command> commands = new ArrayList<>();
    for (JsonNode command : document.path("commands")) {
      JsonNode settings = command.path("settings");
      commands.add(new Command(command.path("name").asText(""),
          settings.isObject() ? settings : ManagerClient.JSON.createObjectNode()));
    }
    return new AgentTask(id, document.path("name").asText(id), commands);
  }
}
