package dev.recall.notes;

import java.util.regex.Pattern;

/**
 * Page chrome that pasted web pages carry: like/favourite/comment counters, share, tip and wallet widgets,
 * copyright and licence lines, "read more" links, and the headers of reference and related-article lists. One line
 * at a time; {@link PlainTextReader} widens single junk lines into the footer block around them.
 */
final class Junk {

    /** A header of a list of links that are not the note's content: references, related or recommended articles. */
    private static final Pattern LIST_HEADER = Pattern.compile("(?i)^\\s*(?:#+\\s*)?(?:"
            + "参考(?:资料|文献|链接|文章|来源)?|引用(?:资料|来源)?|延伸阅读|扩展阅读|相关(?:推荐|文章|阅读|博文|链接)|推荐阅读|热门(?:文章|推荐)|猜你喜欢|你可能(?:还)?(?:喜欢|感兴趣)|精选推荐|文章推荐"
            + "|references?|sources|bibliography|further reading|see also|related(?: articles| posts| reading| stories| content)?"
            + "|recommended(?: articles| posts| reading)?|you (?:may|might) also (?:like|enjoy)|more from .{1,40}|read next|popular posts"
            + ")\\s*[:：]?\\s*$");
    /**
     * Chrome lines, one row per shape (counters, by-lines and dates, share/tip/wallet widgets, subscriptions,
     * copyright and repost lines, navigation), each behind the words it cannot match without.
     */
    private static final LineTable<Boolean> LINE = new LineTable<Boolean>()
            // counters: "点赞 12", "12 赞", "收藏 3 评论 5", "👍 12", "12 likes · 3 comments"
            .row(true, Keywords.of("赞", "收藏", "评论", "分享", "转发", "阅读", "浏览", "喜欢", "关注", "在看", "举报", "打赏", "踩", "粉丝", "访问量"), line(
                    "(?:[\\p{So}\\s]*(?:阅读原文|点赞|赞同|赞|踩|收藏|评论|分享|转发|阅读|浏览|喜欢|关注|在看|举报|打赏|赞赏|粉丝|访问)(?:量|数|次数)?[\\s:：]*[(（]?"
                    + "[\\d.,]*\\s*[kKwW万千+]?[)）]?[\\s·|/,，]*){1,6}"))
            // emoji counters: "👏 342  💬 18"
            .row(true, Keywords.digit(), line("(?:\\p{So}\\uFE0F?\\s*[\\d.,]+\\s*[kKwW万千]?[\\s·|/,，]*){1,6}"))
            .row(true, Keywords.of("like", "clap", "comment", "share", "view", "read", "favo", "follower", "response", "赞", "评论", "收藏", "阅读", "浏览"),
                    line("(?:[\\d.,]+\\s*[kKwW万千]?\\s*(?:likes?|claps?|comments?|shares?|views?|reads?|favou?rites?|followers?|responses?|赞|评论|收藏|阅读|浏览|人点赞|人收藏|条评论)[\\s·|/,，]*){1,6}"))
            .row(true, Keywords.of("like", "comment", "share", "view", "read", "favo", "clap"),
                    line("(?:likes?|comments?|shares?|views?|reads?|favou?rites?|claps?)\\s*[:：]?\\s*[\\d.,]+[kKwW万]?(?:[\\s·|/,，]+.*)?"))
            // by-lines and reading times: "作者：张三 · 2024-05-02", "Posted on 2024-02-11 by Dana · 6 min read", "2023-11-20 发布于 掘金"
            .row(true, Keywords.digit(), line("(?:作者|author|written by|by)\\s*[:：]?\\s*[^\\s·|]{1,20}\\s*[·|/,，-]?\\s*(?:(?:发布|发表|更新|编辑)?于\\s*)?\\d{4}[-/.年]\\d{1,2}.{0,60}"
                    + "|(?:posted|published|updated|last updated|发布于|发表于|编辑于|更新于)\\s*(?:on|at|于)?\\s*[:：]?\\s*\\d{4}[-/.年]\\d{1,2}.{0,60}"
                    + "|\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:发布|发表|posted|published|编辑|更新|修改)[^，。；！？,;!?]{0,40}"
                    + "|(?:.{0,40}[·|]\\s*)?\\d+\\s*(?:min|mins|minutes?)\\s+read\\b.{0,40}"
                    // a bare date line, perhaps with its counters: "原创 2025-06-01 10:12:33 · 1.5k 阅读"
                    + "|(?:原创|转载|翻译|置顶)?\\s*\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:[·|].{0,40})?"))
            // the author before 于 and the date: "技术小栈 于 2025-06-18 21:07:33 发布"
            // and CSDN's edited form: "原创 码农小周 已于 2025-10-08 10:15:33 修改 阅读量 1.2w 收藏 530 点赞数 201"
            .row(true, Keywords.of("发布", "发表", "编辑", "更新", "修改"), line("(?:(?:原创|转载|翻译|置顶)\\s+)?[^\\s·|，。]{1,20}\\s*(?:已|最后|首次)?于\\s*\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*"
                    + "(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:发布|发表|编辑|更新|修改)[^，。；！？,;!?]{0,40}"))
            // "Reading time: 8 minutes  ·  2,431 reads", "阅读约 11 分钟"
            .row(true, Keywords.of("reading time", "read time", "time to read", "阅读时长", "阅读时间", "预计阅读", "阅读约", "阅读需要"), line(
                    "(?:.{0,40}[·|]\\s*)?(?:reading time|read time|time to read|阅读时长|阅读时间|预计阅读(?:时间)?|阅读约|阅读需要)\\s*[:：]?\\s*(?:约|about|~)?\\s*\\d+\\s*"
                    + "(?:min|mins|minutes?|分钟)(?:\\s*[·|\\s]\\s*.{0,60})?"))
            // "By Dana | Updated March 2025", "by ml-notes · 6 May 2024"
            .row(true, Keywords.of("by ", "updated", "posted", "published"), line("by\\s+[^\\s·|]{1,30}\\s*[·|]\\s*.{0,50}"
                    + "|(?:posted|published|updated|last updated)\\s*(?:on)?\\s*[:：]?\\s*(?:\\d{1,2}\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(?:\\d{1,2},?\\s+)?\\d{4}.{0,40}"))
            .row(true, Keywords.of("was this", "did you find this"), line("(?:was this (?:page|article|post|answer)|did you find this(?: page| article| post)?)"
                    + " (?:helpful|useful)\\??.{0,40}"))
            .row(true, Keywords.of("thanks for reading", "thank you for reading", "感谢阅读", "谢谢阅读", "found this", "有帮助", "有用", "有所帮助"),
                    line("(?:thanks?(?: you)? for reading|感谢(?:您的)?阅读|谢谢(?:您的)?阅读|(?:if you )?found this (?:useful|helpful)"
                            + "|如果(?:你|您)?(?:觉得)?(?:本文|这篇(?:文章)?|文章|内容)?对(?:你|您|大家)有(?:所)?(?:帮助|用)|觉得有用).{0,80}"))
            .row(true, Keywords.of("三连", "赞", "关注", "收藏"), line(".{0,20}(?:一键三连|点赞收藏|点个赞|点赞关注|求关注|求点赞|求收藏|记得关注).{0,30}"
                    + "|.{0,40}(?:点赞|在看|转发|收藏)[^。]{0,20}三连.{0,10}"))
            // the end of a WeChat article: "— END —", "（完）", "全文完"
            .row(true, Keywords.of("end —", "end—", "end -", "end-", "end =", "end ~", "end *", "end ·", "完—", "完 ", "完-", "完=", "完~", "完）", "完)", "完*",
                    "完·", "全文完", "本文完"), line("[-—–=~*·]+\\s*(?:the end|end|完|全文完|本文完)\\s*[-—–=~*·]+|[(（]\\s*(?:完|全文完|本文完)\\s*[)）]|全文完|本文完"))
            // an author line without a date: "作者：阿星的技术小屋", "Author: Dana Lee"
            .row(true, Keywords.of("作者", "author"), line("(?:原?作者|author)\\s*[:：]\\s*[^\\s，。；！？,;!?《》“”\"…][^，。；！？,;!?《》“”\"…]{0,19}(?:\\s*[|·/｜]\\s*.{0,40})?"))
            // the author's card: "Written by Priya Raman" (a name in title case, so not "written by hand")
            .row(true, Keywords.of("written by"), "^\\s*[Ww]ritten [Bb]y\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3}\\s*$")
            // a first-person intro that says nothing: "…, so here are my notes.", "…整理了一下 Linux 相关的高频考点，建议收藏！"
            .row(true, Keywords.of("my notes", "my summary", "my cheat", "my takeaways", "my study", "my interview", "my personal"), line(
                    ".{0,140}?\\b(?:here are|here's|these are|below are) my (?:[a-z-]+ ){0,2}(?:notes|summary|cheat ?sheet|takeaways)\\b[^.!?:]{0,60}[.!]?"))
            .row(true, Keywords.of("整理了", "总结了一下", "梳理了一下", "记录了一下", "记录一下", "建议收藏", "收藏备用"), line(
                    ".{0,40}(?:整理了一下|整理了|总结了一下|梳理了一下|记录了一下|记录一下)[^。！？：:]{0,40}(?:[，,]\\s*(?:建议收藏|欢迎收藏|收藏备用|供(?:大家)?参考|希望对(?:你|您|大家)有(?:所)?(?:帮助|用))"
                    + "|(?:笔记|考点|知识点|面试题|要点))[^。！？：:]{0,20}[。!！~～]*|(?:建议收藏|收藏备用)[!！。~～]*"))
            // share / tip / wallet widgets, subscriptions
            .row(true, Keywords.of("分享", "转发", "扫", "二维码", "打赏", "作者", "赞赏"), line("(?:分享|转发)(?:到|至)?\\s*[:：]?\\s*(?:微信|微博|QQ|朋友圈|qq空间).*"
                    + "|.{0,20}(?:扫一扫|扫码|二维码).{0,20}|打赏.{0,30}|.{0,20}(?:请作者喝|给作者(?:买|打赏)|赞赏(?:支持|作者|码)).{0,30}"))
            .row(true, Keywords.of("钱包", "wallet", "coffee", "ko-fi", "kofi", "patreon", "paypal", "tip", "donate"),
                    line(".{0,20}(?:钱包|wallet|buy me a coffee|ko-?fi|patreon|paypal|tip (?:the )?(?:author|jar|me)|send a tip|donate).{0,40}"))
            .row(true, Keywords.of("share", "tweet", "pin it", "email this"), line("share (?:this|on|to|via)\\b.{0,60}"
                    + "|share\\s*[:：]?\\s*(?:twitter|facebook|linkedin|reddit|email).{0,60}|(?:tweet|pin it|email this)\\b.{0,20}"))
            // a row of share buttons: "Twitter Facebook LinkedIn", "微信 微博 QQ"; WordPress's "Like this:" and "Loading..."
            .row(true, Keywords.of("twitter", "facebook", "linkedin", "reddit", "whatsapp", "telegram", "pinterest", "email", "微信", "微博", "qq"),
                    line("(?:(?:twitter|x|facebook|linkedin|reddit|whatsapp|telegram|pinterest|tumblr|pocket|email|print|微信|微博|qq|qq空间|豆瓣|朋友圈)[\\s·|/,，]*){2,10}"))
            .row(true, Keywords.of("like this", "loading"), line("like this\\s*[:：]?|loading\\s*(?:\\.\\.\\.|…)"))
            // a bare English date under the title, perhaps with its reading time: "Jun 2, 2025", "Mar 3, 2025 · 6 min read"
            .row(true, Keywords.digit(), line("(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}(?:\\s*[·|].{0,40})?"))
            // Medium's buttons under the title: "Listen", "Share", a lone "·"
            .row(true, Keywords.of("listen", "share", "·"), line("(?:listen|share|·)"))
            // a teaser that promises the page and says nothing: "很多人被问到…，今天一次讲清楚。", "In this post we'll look at …"
            .row(true, Keywords.of("今天", "本文", "这篇", "下面", "接下来"), line(".{0,40}(?:今天|本文|这篇(?:文章)?|下面|接下来)(?:就|来|将|我们|我|给大家|和大家|带你|带大家)*"
                    + "(?:一次|简单|详细|彻底|好好)?(?:讲清楚|讲明白|聊聊|聊一聊|介绍一下|总结一下|梳理一下|说说|看看|搞懂|弄懂)[^。：:，,]{0,12}[。!！~～]?"
                    // "本文整理了 Java 集合的高频面试题，看完这篇就够了。"
                    + "|.{0,60}(?:看完这篇就够了|看这一篇就够了|一篇就够了|一文搞懂|一文读懂|一文看懂)[。!！~～]?"))
            .row(true, Keywords.of("in this post", "in this article", "in this tutorial", "in this guide"), line(
                    "in this (?:post|article|tutorial|guide),?\\s+(?:we|i)(?:'ll| will| are going to| am going to)\\s+(?:look at|explain|cover|walk through|see|learn)[^.:;]{0,60}[.!]?"))
            .row(true, Keywords.of("enjoyed this", "newsletter"), line(".{0,40}(?:enjoyed this (?:post|article|story)|subscribe to (?:the|our|my) newsletter).{0,80}"))
            .row(true, Keywords.of("subscribe", "sign up", "sign in", "log in", "follow", "关注", "三连", "欢迎"),
                    line("(?:subscribe|sign up|sign in|log in|follow (?:me|us)|关注(?:我|作者|公众号)|点击关注|一键三连|欢迎(?:点赞|关注|收藏|转发)).{0,60}"
                            + "|(?:\\+\\s*)?(?:follow|关注|已关注|following)\\W{0,3}"))
            .row(true, Keywords.of("leave a", "comment", "评论", "全文", "原文", "read more", "continue reading", "show more", "load more"),
                    line("(?:leave a (?:comment|reply)|post a comment|发表评论|写评论|添加评论|查看更多评论|展开全文|阅读全文|阅读原文|read more|continue reading|show more|load more)\\W{0,3}"))
            // copyright, licence and repost lines
            .row(true, Keywords.of("©", "(c)", "copyright", "all rights reserved", "版权", "著作权", "转载", "未经", "本文", "原文", "文章来源",
                    "licensed under", "cc by", "cc 4", "cc 3"), line(".{0,30}(?:©|\\(c\\)\\s*\\d{4}|copyright\\b|all rights reserved|版权所有|版权声明|版权协议|著作权归|转载请|原创文章|cc \\d(?:\\.\\d)? by"
                    + "|未经(?:许可|授权)|本文(?:链接|地址|作者|首发)|原文(?:链接|地址)|文章来源|licensed under|cc by(?:-\\w+)*).{0,120}"))
            // navigation
            .row(true, Keywords.of("上一篇", "下一篇", "previous", "next", "back to top", "返回顶部"),
                    line("(?:上一篇|下一篇|previous (?:post|article)|next (?:post|article)|back to top|返回顶部)\\s*[:：]?.{0,80}"))
            .row(true, Keywords.of("标签", "专栏", "tags", "categories", "filed under", "posted"),
                    line("(?:文章标签|分类专栏|标签|tags|categories|filed under|posted (?:in|on|by))\\s*[:：].{0,120}"))
            .row(true, Keywords.of("http", "www."), "(?i)^\\s*(?:[-*•·●\\d.)\\]\\[]+\\s*)?(?:https?://|www\\.)\\S+\\s*$");
    private static final Pattern URL = Pattern.compile("(?i)^\\s*(?:[-*•·●\\d.)\\]\\[]+\\s*)?(?:https?://|www\\.)\\S+\\s*$");
    /** An article title with its site: "Java 线程池详解 - CSDN博客", "Understanding GC | Medium". */
    private static final Pattern SITE_TITLE = Pattern.compile(
            "(?i).{2,120}\\s*(?:[-_|–—·]|——)\\s*(?:csdn|知乎|掘金|博客园|简书|segmentfault|思否|51cto|infoq|oschina|开源中国|cnblogs|juejin|zhihu|jianshu"
                    + "|medium|dev\\.to|stack ?overflow|github|baeldung|geeksforgeeks|wikipedia|维基百科|百度百科|w3schools|mdn|reddit|hacker news|tutorialspoint"
                    + "|.{0,20}(?:博客|blog|社区|官网|文档|docs|documentation))\\s*[\\]）)]?\\s*$");

    /** An article title with a web address as its site: "Making the GIL optional | peps.python.org". */
    private static final Pattern DOMAIN_TITLE = Pattern.compile("(?i).{2,140}\\s(?:[-_|–—·]|——)\\s*(?:[a-z0-9-]+\\.)+[a-z]{2,6}\\s*$");
    /**
     * Under a reference header, a title with a site name in title case after a dash or bar: "What is the GIL? – Real
     * Python". A plain hyphen does not count ("edit - add - commit" is a process).
     */
    private static final Pattern NAMED_SITE_TITLE = Pattern.compile(".{2,140}\\s(?:[|–—·]|——)\\s*\\p{Lu}[\\w.]*(?:\\s\\p{Lu}[\\w.]*){0,2}\\s*$");
    /** "Table of contents", "目录": the list under it repeats the note's own headings. */
    private static final Pattern CONTENTS = Pattern.compile("(?i)^\\s*(?:table of contents|contents|toc|目录|文章目录)\\s*[:：]?\\s*$");

    static boolean isContentsHeader(String line) {
        return line.length() <= 30 && CONTENTS.matcher(line).matches();
    }

    private static final Keywords LIST_HEADER_WORDS = Keywords.of("参考", "引用", "延伸阅读", "扩展阅读", "相关", "推荐", "热门", "猜你喜欢", "你可能",
            "reference", "source", "bibliography", "further reading", "see also", "related", "recommended", "you may", "you might", "more from",
            "read next", "popular posts");
    private static final Pattern COPYRIGHT = Pattern.compile("©|copyright|rights reserved|版权|著作权|转载|未经|licensed|本文|原文|文章来源|cc by");
    private static final Pattern INTRO = Pattern.compile("(?:here are|here's|these are|below are) my |整理了|总结了一下|梳理了一下|记录了?一下|建议收藏|收藏备用"
            + "|in this (?:post|article|tutorial|guide)|(?:今天|本文|这篇|下面|接下来).{0,12}(?:讲清楚|讲明白|聊聊|聊一聊|介绍一下|总结一下|梳理一下|说说|看看|搞懂|弄懂)");
    private static final Pattern END_MARK = Pattern.compile("[-—–=~*·\\s(（]*(?:the end|end|完|全文完|本文完)[-—–=~*·\\s)）]*");
    private static final Pattern BYLINE = Pattern.compile("^(?:原?作者|author|written by|by |posted|published|updated|last updated)|于\\s*\\d{4}|发布|发表|修改|min read"
            + "|reading time|read time|阅读约|阅读时长|阅读时间|预计阅读|^(?:原创|转载|翻译|置顶)?\\s*\\d{4}[-/.年]\\d{1,2}");
    private static final Pattern WIDGET = Pattern.compile("share|分享|转发|tip|打赏|赞赏|钱包|wallet|coffee|donate|扫|二维码|subscribe|关注|sign|log in|follow|三连");
    private static final Pattern NAVIGATION = Pattern.compile("上一篇|下一篇|previous|next|top|顶部|标签|专栏|tags|categor|filed|posted|published|updated|发布|编辑");
    private static final Keywords SITES = Keywords.of("csdn", "知乎", "掘金", "博客园", "简书", "segmentfault", "思否", "51cto", "infoq", "oschina",
            "开源中国", "cnblogs", "juejin", "zhihu", "jianshu", "medium", "dev.to", "stack", "github", "baeldung", "geeksforgeeks", "wikipedia",
            "维基百科", "百度百科", "w3schools", "mdn", "reddit", "hacker news", "tutorialspoint", "博客", "blog", "社区", "官网", "文档", "docs",
            "documentation");

    private Junk() {
    }

    /** One alternative of the chrome lines, as a whole line: optional white space around it, letters without case. */
    private static String line(String alternative) {
        return "(?i)^\\s*(?:" + alternative + ")\\s*$";
    }

    private static boolean siteTitle(String s) {
        return SITES.in(s) && SITE_TITLE.matcher(s).matches();
    }

    static boolean isListHeader(String line) {
        return line.length() <= 60 && LIST_HEADER_WORDS.in(line) && LIST_HEADER.matcher(line).matches();
    }

    static boolean isLine(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 200) {
            return false;
        }
        return LINE.matches(s) || metaLine(s);
    }

    private static final Pattern META_DATE = Pattern.compile("(?i)\\d{4}[-/.年]\\d{1,2}|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\b\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}");
    private static final Pattern META_SEPARATOR = Pattern.compile("\\s*[·|｜•]\\s*|\\s{2,}");
    private static final Pattern SENTENCE_MARK = Pattern.compile("[。！？!?；;，]");

    /**
     * A page's by-line of short fields, one of them a date: "原创 小码农 2025-03-12 09:41:07 · 2.3k 阅读 · 收藏 56",
     * "Dana Lee · Mar 3, 2025 · 6 min read". Fields are short and no field is a sentence.
     */
    private static boolean metaLine(String s) {
        // Fields need a separator: the date expression runs only on a line that has one.
        boolean separated = s.indexOf('·') >= 0 || s.indexOf('|') >= 0 || s.indexOf('｜') >= 0 || s.indexOf('•') >= 0 || s.contains("  ");
        if (!separated || s.length() > 120 || !META_DATE.matcher(s).find()) {
            return false;
        }
        String[] fields = META_SEPARATOR.split(s);
        if (fields.length < 2) {
            return false;
        }
        for (String field : fields) {
            if (field.length() > 30 || SENTENCE_MARK.matcher(field).find() || field.split("\\s+").length > 5) {
                return false;
            }
        }
        return true;
    }

    /** A line of a reference list: a link, or an article title with its site name. */
    static boolean isReference(String line) {
        String s = line.strip();
        return URL.matcher(s).matches() || s.length() <= 160 && (siteTitle(s) || s.indexOf('.') > 0 && DOMAIN_TITLE.matcher(s).matches());
    }

    /** {@link #isReference}, or a title with a site name in title case: a line of a reference list under its header. */
    static boolean isListedReference(String line) {
        String s = line.strip();
        return isReference(s) || s.length() <= 160 && NAMED_SITE_TITLE.matcher(s).matches();
    }

    /** Every non-blank line is junk. */
    static boolean allJunk(String text) {
        boolean any = false;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!isLine(line)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static String reason(String line) {
        String s = line.strip().toLowerCase(java.util.Locale.ROOT);
        if (URL.matcher(s).matches() || siteTitle(s)) {
            return "link list";
        }
        if (COPYRIGHT.matcher(s).find()) {
            return "copyright or repost line";
        }
        if (INTRO.matcher(s).find()) {
            return "introduction that says nothing";
        }
        if (END_MARK.matcher(s).matches()) {
            return "end mark";
        }
        if (BYLINE.matcher(s).find()) {
            return "by-line, date or reading time";
        }
        if (WIDGET.matcher(s).find()) {
            return "share, tip or follow widget";
        }
        if (NAVIGATION.matcher(s).find()) {
            return "page navigation";
        }
        return "counter";
    }
}
