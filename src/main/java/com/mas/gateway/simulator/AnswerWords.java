package com.mas.gateway.simulator;

import java.util.List;

/**
 * The built-in vocabulary of simulated answers: customer-service phrases about cosmetics.
 * The Simplified and Traditional lists are aligned (entry i means the same in both), and every
 * entry differs between the two scripts, so an answer in one script never reads as the other.
 */
final class AnswerWords {

  static final List<String> ENGLISH = List.of(
      "this", "serum", "suits", "sensitive", "skin", "and", "the", "cream", "keeps", "it",
      "moist", "for", "hours", "our", "customers", "love", "its", "light", "texture", "you",
      "can", "apply", "a", "small", "amount", "every", "morning", "evening", "after", "cleansing",
      "we", "recommend", "trying", "sample", "first", "order", "ships", "within", "two", "days",
      "gentle", "formula", "with", "no", "fragrance", "price", "includes", "gift", "box", "today");

  static final List<String> ENGLISH_PUNCTUATION = List.of(",", ".", ",", "!");

  static final List<String> SIMPLIFIED = List.of(
      "这个", "产品", "适合", "肌肤", "保湿", "护肤", "精华", "温和", "滋润", "会",
      "让", "还", "顾客", "推荐", "价格", "优惠", "质地", "轻薄", "长效", "觉得",
      "选择", "经典", "发货", "订单", "问题", "说明", "试用", "礼盒", "皱纹", "紧致",
      "肤色", "均匀", "团队", "专业", "满意", "服务", "谢谢", "为您", "这款", "我们",
      "护肤品", "化妆品", "防晒霜", "精华液", "洁面乳", "实惠", "颜色", "门店");

  static final List<String> TRADITIONAL = List.of(
      "這個", "產品", "適合", "肌膚", "保濕", "護膚", "精華", "溫和", "滋潤", "會",
      "讓", "還", "顧客", "推薦", "價格", "優惠", "質地", "輕薄", "長效", "覺得",
      "選擇", "經典", "發貨", "訂單", "問題", "說明", "試用", "禮盒", "皺紋", "緊緻",
      "膚色", "均勻", "團隊", "專業", "滿意", "服務", "謝謝", "為您", "這款", "我們",
      "護膚品", "化妝品", "防曬霜", "精華液", "潔面乳", "實惠", "顏色", "門店");

  static final List<String> CHINESE_PUNCTUATION = List.of("，", "。", "，", "！");

  private AnswerWords() {}

  static List<String> words(AnswerLanguage language) {
    return switch (language) {
      case ENGLISH -> ENGLISH;
      case SIMPLIFIED_CHINESE -> SIMPLIFIED;
      case TRADITIONAL_CHINESE -> TRADITIONAL;
    };
  }

  static List<String> punctuation(AnswerLanguage language) {
    return language == AnswerLanguage.ENGLISH ? ENGLISH_PUNCTUATION : CHINESE_PUNCTUATION;
  }
}
