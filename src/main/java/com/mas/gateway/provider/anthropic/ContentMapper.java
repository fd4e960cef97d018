package com.mas.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mas.gateway.api.GatewayException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns OpenAI message content, a string or a list of content parts, into Anthropic content
 * blocks. Text parts become text blocks (empty text is dropped: Anthropic refuses empty text
 * blocks); {@code image_url} parts become image blocks, an http(s) URL as a {@code url} source
 * and a {@code data:} URL as a {@code base64} source with its media type. A part's
 * {@code cache_control} is kept, so prompt caching works through the gateway. Parts Anthropic
 * cannot take (audio, files) are refused with a 400 naming {@code messages[i].content[j]}.
 */
final class ContentMapper {

  /** The image media types Anthropic accepts (py-sdk {@code base64_image_source_param.py}). */
  static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ContentMapper() {}

  /** Appends the blocks of user (or tool result) content at {@code path} to {@code blocks}. */
  static void user(JsonNode content, String path, ArrayNode blocks) {
    parts(content, path, blocks, true);
  }

  /** Appends the text blocks of assistant content; {@code refusal} parts count as text. */
  static void assistant(JsonNode content, String path, ArrayNode blocks) {
    parts(content, path, blocks, false);
  }

  /** A {@code tool_result}'s content: the string as sent, or blocks; null when empty. */
  static JsonNode toolResult(JsonNode content, String path) {
    if (content == null || content.isNull() || (content.isTextual() && content.asText().isEmpty())) {
      return null;
    }
    if (content.isTextual()) {
      return content;
    }
    ArrayNode blocks = NODES.arrayNode();
    user(content, path, blocks);
    return blocks.isEmpty() ? null : blocks;
  }

  private static void parts(JsonNode content, String path, ArrayNode blocks, boolean images) {
    if (content == null || content.isNull()) {
      return;
    }
    if (content.isTextual()) {
      addText(content.asText(), null, blocks);
      return;
    }
    for (int j = 0; j < content.size(); j++) {
      part(content.get(j), path + ".content[" + j + "]", blocks, images);
    }
  }

  private static void part(JsonNode part, String path, ArrayNode blocks, boolean images) {
    String type = part.path("type").asText();
    switch (type) {
      case "text" -> addText(requireText(part, "text", path), part.get("cache_control"), blocks);
      case "refusal" -> addText(requireText(part, "refusal", path), null, blocks);
      case "image_url" -> {
        if (!images) {
          throw GatewayException.badRequest(path, "Invalid '" + path + "': only user messages can carry images.");
        }
        blocks.add(image(part, path));
      }
      default -> throw GatewayException.badRequest(path, "Invalid '" + path + "': content parts of type '" + type
          + "' cannot be sent to an Anthropic model; use text or image_url parts.");
    }
  }

  private static void addText(String text, JsonNode cacheControl, ArrayNode blocks) {
    if (text.isEmpty()) {
      return;
    }
    ObjectNode block = blocks.addObject().put("type", "text").put("text", text);
    if (cacheControl != null && cacheControl.isObject()) {
      block.set("cache_control", cacheControl);
    }
  }

  private static String requireText(JsonNode part, String field, String path) {
    JsonNode text = part.get(field);
    if (text == null || !text.isTextual()) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "." + field + "': expected a string.");
    }
    return text.asText();
  }

  private static ObjectNode image(JsonNode part, String path) {
    JsonNode imageUrl = part.path("image_url");
    JsonNode url = imageUrl.isTextual() ? imageUrl : imageUrl.path("url");
    if (!url.isTextual()) {
      throw GatewayException.badRequest(path, "Invalid '" + path + ".image_url.url': expected a string.");
    }
    ObjectNode block = NODES.objectNode().put("type", "image");
    block.set("source", source(url.asText(), path));
    JsonNode cacheControl = part.get("cache_control");
    if (cacheControl != null && cacheControl.isObject()) {
      block.set("cache_control", cacheControl);
    }
    return block;
  }

  /** The image source for {@code url}: an http(s) URL Anthropic fetches, or base64 data. */
  private static ObjectNode source(String url, String path) {
    if (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7)) {
      return NODES.objectNode().put("type", "url").put("url", url);
    }
    if (!url.regionMatches(true, 0, "data:", 0, 5)) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "': an image_url must be an https URL or a "
          + "base64 data URL (data:image/png;base64,...).");
    }
    int comma = url.indexOf(',');
    int semicolon = url.indexOf(';');
    if (comma < 0 || semicolon < 0 || semicolon > comma
        || !url.regionMatches(true, comma - 7, ";base64", 0, 7)) {
      throw malformed(path);
    }
    String mediaType = url.substring(5, semicolon).trim().toLowerCase(Locale.ROOT);
    if ("image/jpg".equals(mediaType)) {
      mediaType = "image/jpeg"; // a common misspelling; the bytes are the same format
    }
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw GatewayException.badRequest(path, "Invalid '" + path + "': image type '" + mediaType
          + "' is not supported; use image/jpeg, image/png, image/gif or image/webp.");
    }
    if (!isBase64(url, comma + 1)) {
      throw malformed(path);
    }
    return NODES.objectNode().put("type", "base64").put("media_type", mediaType).put("data", url.substring(comma + 1));
  }

  private static boolean isBase64(String text, int from) {
    if (from >= text.length()) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  private static GatewayException malformed(String path) {
    return GatewayException.badRequest(path, "Invalid '" + path + "': malformed data URL; expected "
        + "data:<image type>;base64,<data>.");
  }
}
