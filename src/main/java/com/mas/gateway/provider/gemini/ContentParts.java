package com.mas.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code content} of one OpenAI message into Gemini parts. Text parts become
 * {@code {"text"}} (empty texts are left out: Gemini refuses empty parts, and OpenAI clients
 * send {@code ""} beside tool calls). Media:
 *
 * <ul>
 *   <li>{@code image_url} with a {@code data:<mime>;base64,<data>} URL → {@code inlineData
 *       {mimeType, data}}; a data URL that is not base64 is refused;
 *   <li>{@code image_url} with an http(s) URL → {@code fileData {mimeType, fileUri}}; Gemini
 *       needs the MIME type, which is taken from the URL path's extension ({@code .png .jpg .jpeg
 *       .webp .heic .heif}, the image types Gemini documents); any other URL is refused with a
 *       400 asking for a data: URL, since guessing wrong would fail upstream less clearly;
 *   <li>{@code input_audio {data, format}} → {@code inlineData} with {@code audio/wav} or
 *       {@code audio/mp3};
 *   <li>{@code file {file_data}} with a base64 data URL → {@code inlineData}; {@code file_id}
 *       is refused (OpenAI's file store is not Gemini's).
 * </ul>
 * Only user messages may carry media; system, developer, assistant and tool contents are text.
 */
final class ContentParts {

  private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
      "jpeg", "image/jpeg", "webp", "image/webp", "heic", "image/heic", "heif", "image/heif");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> AUDIO_TYPES = Map.of("wav", "audio/wav", "mp3", "audio/mp3");

  private ContentParts() {}

  /** Appends the text parts of a system, developer or assistant {@code content} to {@code out}. */
  static void text(JsonNode content, String path, ArrayNode out) {
    if (content == null || content.isNull()) {
      return;
    }
    if (content.isTextual()) {
      addText(content.asText(), out);
      return;
    }
    for (int i = 0; i < content.size(); i++) {
      addText(textOf(content.get(i), path + "[" + i + "]"), out);
    }
  }

  /** A tool message's content as one string (text parts joined). */
  static String joinedText(JsonNode content, String path) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < content.size(); i++) {
      text.append(textOf(content.get(i), path + "[" + i + "]"));
    }
    return text.toString();
  }

  /** Appends the parts of a user {@code content}, media included, to {@code out}. */
  static void user(JsonNode content, String path, ArrayNode out) {
    if (content == null || content.isNull() || content.isTextual()) {
      text(content, path, out);
      return;
    }
    for (int i = 0; i < content.size(); i++) {
      JsonNode part = content.get(i);
      String at = path + "[" + i + "]";
      switch (part.path("type").asText()) {
        case "text" -> addText(textOf(part, at), out);
        case "image_url" -> out.add(image(part.get("image_url"), at + ".image_url"));
        case "input_audio" -> out.add(audio(part.path("input_audio"), at + ".input_audio"));
        case "file" -> out.add(file(part.path("file"), at + ".file"));
        default -> throw Refusals.unsupported(at + ".type", "The content part type '" + part.path("type").asText()
            + "' at '" + at + "' cannot be sent to Gemini; use text, image_url, input_audio or file.");
      }
    }
  }

  private static String textOf(JsonNode part, String at) {
    String type = part.path("type").asText();
    JsonNode text = "refusal".equals(type) ? part.get("refusal") : part.get("text");
    if (!("text".equals(type) || "refusal".equals(type)) || text == null || !text.isTextual()) {
      throw Refusals.invalid(at, "Invalid '" + at + "': this message may only hold text parts "
          + "({\"type\":\"text\",\"text\":...}).");
    }
    return text.asText();
  }

  private static void addText(String text, ArrayNode out) {
    if (!text.isEmpty()) {
      out.addObject().put("text", text);
    }
  }

  private static ObjectNode image(JsonNode image, String at) {
    JsonNode url = image != null && image.isTextual() ? image : image == null ? null : image.get("url");
    if (url == null || !url.isTextual() || url.asText().isEmpty()) {
      throw Refusals.invalid(at + ".url", "Invalid '" + at + ".url': expected a data: or http(s) URL.");
    }
    String value = url.asText();
    if (value.startsWith("data:")) {
      return inline(value, at + ".url");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw Refusals.unsupported(at + ".url", "Gemini takes images as base64 data: URLs or http(s) URLs.");
    }
    String mime = IMAGE_TYPES.get(extension(value));
    if (mime == null) {
      throw Refusals.unsupported(at + ".url", "The image type of the URL at '" + at + ".url' cannot be told from"
          + " its extension, and Gemini needs it: use a .png, .jpg, .jpeg, .webp, .heic or .heif URL, or send the"
          + " image as a base64 data: URL.");
    }
    ObjectNode part = NODES.objectNode();
    part.putObject("fileData").put("mimeType", mime).put("fileUri", value);
    return part;
  }

  private static ObjectNode audio(JsonNode audio, String at) {
    String mime = AUDIO_TYPES.get(audio.path("format").asText());
    if (mime == null) {
      throw Refusals.unsupported(at + ".format", "Invalid '" + at + ".format': expected wav or mp3.");
    }
    if (!audio.path("data").isTextual()) {
      throw Refusals.invalid(at + ".data", "Invalid '" + at + ".data': expected base64 audio data.");
    }
    return inlineData(mime, audio.get("data").asText());
  }

  private static ObjectNode file(JsonNode file, String at) {
    JsonNode data = file.get("file_data");
    if (data == null || !data.isTextual() || !data.asText().startsWith("data:")) {
      throw Refusals.unsupported(at, "Gemini needs the file inline: send 'file_data' as a base64 data: URL "
          + "(uploaded OpenAI file ids cannot be used).");
    }
    return inline(data.asText(), at + ".file_data");
  }

  /** A {@code data:<mime>[;param]*;base64,<data>} URL as an {@code inlineData} part. */
  private static ObjectNode inline(String url, String at) {
    int comma = url.indexOf(',');
    String header = comma < 0 ? "" : url.substring(5, comma);
    if (!header.endsWith(";base64")) {
      throw Refusals.unsupported(at, "The data: URL at '" + at + "' is not base64-encoded; Gemini takes inline "
          + "data as base64 (data:<mime type>;base64,<data>).");
    }
    String mime = header.substring(0, header.indexOf(';'));
    if (mime.indexOf('/') <= 0) {
      throw Refusals.invalid(at, "Invalid '" + at + "': the data: URL names no MIME type.");
    }
    return inlineData(mime, url.substring(comma + 1));
  }

  private static ObjectNode inlineData(String mime, String base64) {
    ObjectNode part = NODES.objectNode();
    part.putObject("inlineData").put("mimeType", mime).put("data", base64);
    return part;
  }

  /** The lower-case extension of a URL's last path segment, without query or fragment; "" if none. */
  static String extension(String url) {
    int end = url.length();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int slash = url.lastIndexOf('/', end - 1);
    int dot = url.lastIndexOf('.', end - 1);
    return dot > slash ? url.substring(dot + 1, end).toLowerCase(Locale.ROOT) : "";
  }
}
