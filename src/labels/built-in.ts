// The labels imprint ships, one entry per language (a BCP 47 language, or language-script for Chinese).
// Sources, noted per language: Pandoc's data/translations/<lang>.yaml (jgm/pandoc at 0a9a2f2, read as NFKC)
// for the words it has ("Contents", "Page"); the rest is our own knowledge of what newspapers in that
// language print, and should be read by a native-speaking editor before it is relied on (imprint.yaml's
// `labels:` corrects any of them). translatedBy, added for every language at once, is the credit line papers
// print under a translated piece (Übersetzung:, Перевод:, 译／, 翻訳・), mirroring each language's byline form;
// video, the line that stands for an embedded video, with each language's own colon (Vidéo :, 视频：, វីដេអូ៖).
// CLDR, through Node's Intl, has none of these words: it gives the dates, the digits and the joined list of
// names instead (dates.ts, Intl.ListFormat where the byline is filled).
import type { Labels } from './label-names.js';

const zwnj = '\u200C'; // zero-width non-joiner, inside Persian compounds and after a Kannada virama; spelt out as it is invisible.

export const builtInLabels = {
  // The first eleven: imprint's original table, carried over unchanged (no source was recorded for it).
  en: { byline: 'By {names}', page: 'Page {page} of {pages}', source: 'Originally published at {link}', photo: 'Photo: {credit}', contents: 'Contents', landmarks: 'Landmarks', cover: 'Cover',
    downloads: 'Download', pdfEdition: 'PDF to read and print', epubEdition: 'EPUB for e-readers', pressEdition: 'Press PDF for print shops (PDF/X-4, bleed and crop marks)', archivalEdition: 'Archival PDF for libraries (PDF/A-2u)', pageCount: 'Pages: {pages}', allArticles: 'All articles', translatedBy: 'Translated by {names}', video: 'Video: {title}' },
  de: { byline: 'Von {names}', page: 'Seite {page} von {pages}', source: 'Zuerst erschienen bei {link}', photo: 'Foto: {credit}', contents: 'Inhalt', landmarks: 'Orientierungspunkte', cover: 'Titelbild',
    downloads: 'Herunterladen', pdfEdition: 'PDF zum Lesen und Drucken', epubEdition: 'EPUB für E-Reader', pressEdition: 'Druck-PDF für Druckereien (PDF/X-4, Beschnitt und Schnittmarken)', archivalEdition: 'Archiv-PDF für Bibliotheken (PDF/A-2u)', pageCount: 'Seiten: {pages}', allArticles: 'Alle Artikel', translatedBy: 'Übersetzung: {names}', video: 'Video: {title}' },
  fr: { byline: 'Par {names}', page: 'Page {page} sur {pages}', source: 'Publié initialement sur {link}', photo: 'Photo\u00A0: {credit}', contents: 'Sommaire', landmarks: 'Repères', cover: 'Couverture',
    downloads: 'Télécharger', pdfEdition: 'PDF à lire et à imprimer', epubEdition: 'EPUB pour liseuses', pressEdition: 'PDF imprimeur (PDF/X-4, fond perdu et traits de coupe)', archivalEdition: 'PDF d’archivage pour les bibliothèques (PDF/A-2u)', pageCount: 'Pages : {pages}', allArticles: 'Tous les articles', translatedBy: 'Traduction\u00A0: {names}', video: 'Vidéo\u00A0: {title}' },
  es: { byline: 'Por {names}', page: 'Página {page} de {pages}', source: 'Publicado originalmente en {link}', photo: 'Foto: {credit}', contents: 'Índice', landmarks: 'Puntos de referencia', cover: 'Portada',
    downloads: 'Descargar', pdfEdition: 'PDF para leer e imprimir', epubEdition: 'EPUB para lectores electrónicos', pressEdition: 'PDF de imprenta (PDF/X-4, sangrado y marcas de corte)', archivalEdition: 'PDF de archivo para bibliotecas (PDF/A-2u)', pageCount: 'Páginas: {pages}', allArticles: 'Todos los artículos', translatedBy: 'Traducción: {names}', video: 'Vídeo: {title}' },
  it: { byline: 'Di {names}', page: 'Pagina {page} di {pages}', source: 'Pubblicato originariamente su {link}', photo: 'Foto: {credit}', contents: 'Indice', landmarks: 'Punti di riferimento', cover: 'Copertina',
    downloads: 'Scarica', pdfEdition: 'PDF da leggere e stampare', epubEdition: 'EPUB per e-reader', pressEdition: 'PDF per la tipografia (PDF/X-4, abbondanza e segni di taglio)', archivalEdition: 'PDF d’archivio per le biblioteche (PDF/A-2u)', pageCount: 'Pagine: {pages}', allArticles: 'Tutti gli articoli', translatedBy: 'Traduzione di {names}', video: 'Video: {title}' },
  pt: { byline: 'Por {names}', page: 'Página {page} de {pages}', source: 'Publicado originalmente em {link}', photo: 'Foto: {credit}', contents: 'Índice', landmarks: 'Pontos de referência', cover: 'Capa',
    downloads: 'Baixar', pdfEdition: 'PDF para ler e imprimir', epubEdition: 'EPUB para leitores digitais', pressEdition: 'PDF para gráfica (PDF/X-4, sangria e marcas de corte)', archivalEdition: 'PDF de arquivo para bibliotecas (PDF/A-2u)', pageCount: 'Páginas: {pages}', allArticles: 'Todos os artigos', translatedBy: 'Tradução: {names}', video: 'Vídeo: {title}' },
  ru: { byline: 'Автор: {names}', page: 'Страница {page} из {pages}', source: 'Впервые опубликовано: {link}', photo: 'Фото: {credit}', contents: 'Содержание', landmarks: 'Ориентиры', cover: 'Обложка',
    downloads: 'Скачать', pdfEdition: 'PDF для чтения и печати', epubEdition: 'EPUB для электронных книг', pressEdition: 'PDF для типографии (PDF/X-4, вылеты и метки обреза)', archivalEdition: 'Архивный PDF для библиотек (PDF/A-2u)', pageCount: 'Страниц: {pages}', allArticles: 'Все статьи', translatedBy: 'Перевод: {names}', video: 'Видео: {title}' },
  uk: { byline: 'Автор: {names}', page: 'Сторінка {page} з {pages}', source: 'Уперше опубліковано: {link}', photo: 'Фото: {credit}', contents: 'Зміст', landmarks: 'Орієнтири', cover: 'Обкладинка',
    downloads: 'Завантажити', pdfEdition: 'PDF для читання й друку', epubEdition: 'EPUB для електронних книжок', pressEdition: 'PDF для друкарні (PDF/X-4, випуски під обріз і мітки)', archivalEdition: 'Архівний PDF для бібліотек (PDF/A-2u)', pageCount: 'Сторінок: {pages}', allArticles: 'Усі статті', translatedBy: 'Переклад: {names}', video: 'Відео: {title}' },
  pl: { byline: 'Autor: {names}', page: 'Strona {page} z {pages}', source: 'Pierwotnie opublikowano: {link}', photo: 'Fot. {credit}', contents: 'Spis treści', landmarks: 'Punkty orientacyjne', cover: 'Okładka',
    downloads: 'Pobierz', pdfEdition: 'PDF do czytania i druku', epubEdition: 'EPUB na czytniki', pressEdition: 'PDF dla drukarni (PDF/X-4, spady i znaczniki cięcia)', archivalEdition: 'Archiwalny PDF dla bibliotek (PDF/A-2u)', pageCount: 'Liczba stron: {pages}', allArticles: 'Wszystkie artykuły', translatedBy: 'Tłumaczenie: {names}', video: 'Wideo: {title}' },
  el: { byline: 'Κείμενο: {names}', page: 'Σελίδα {page} από {pages}', source: 'Πρώτη δημοσίευση: {link}', photo: 'Φωτογραφία: {credit}', contents: 'Περιεχόμενα', landmarks: 'Ορόσημα', cover: 'Εξώφυλλο',
    downloads: 'Λήψη', pdfEdition: 'PDF για ανάγνωση και εκτύπωση', epubEdition: 'EPUB για ηλεκτρονικούς αναγνώστες', pressEdition: 'PDF τυπογραφείου (PDF/X-4, περιθώριο κοπής και σημάδια κοπής)', archivalEdition: 'PDF αρχειοθέτησης για βιβλιοθήκες (PDF/A-2u)', pageCount: 'Σελίδες: {pages}', allArticles: 'Όλα τα άρθρα', translatedBy: 'Μετάφραση: {names}', video: 'Βίντεο: {title}' },
  hy: { byline: 'Հեղինակ՝ {names}', page: 'Էջ {page} / {pages}', source: 'Առաջին անգամ հրապարակվել է՝ {link}', photo: 'Լուսանկարը՝ {credit}', contents: 'Բովանդակություն', landmarks: 'Ուղենիշներ', cover: 'Շապիկ',
    downloads: 'Ներբեռնել', pdfEdition: 'PDF՝ կարդալու և տպելու համար', epubEdition: 'EPUB՝ էլեկտրոնային ընթերցիչների համար', pressEdition: 'PDF՝ տպարանի համար (PDF/X-4, եզրեր և կտրման նշաններ)', archivalEdition: 'Արխիվային PDF՝ գրադարանների համար (PDF/A-2u)', pageCount: 'Էջեր՝ {pages}', allArticles: 'Բոլոր հոդվածները', translatedBy: 'Թարգմանությունը՝ {names}', video: 'Տեսանյութ՝ {title}' },

  // Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans…). Pandoc zh-Hans.yaml: 目录, 页. Own knowledge: 文／ and 图／,
  // the paired text and picture credits Chinese papers print; 第…页，共…页 footers; 首发于 for first publication.
  'zh-Hans': { byline: '文／{names}', page: '第{page}页，共{pages}页', source: '本文首发于{link}', photo: '图／{credit}', contents: '目录', landmarks: '导航', cover: '封面',
    downloads: '下载', pdfEdition: 'PDF，供阅读和打印', epubEdition: 'EPUB，供电子阅读器使用', pressEdition: '印刷厂用 PDF（PDF/X-4，含出血和裁切标记）', archivalEdition: '图书馆存档用 PDF（PDF/A-2u）', pageCount: '共{pages}页', allArticles: '全部文章', translatedBy: '译／{names}', video: '视频：{title}' },
  // Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant…). Pandoc zh-Hant.yaml: 目錄, 頁. Own knowledge, as for
  // zh-Hans, in Taiwan's usage (列印, 原刊於); a Hong Kong newsroom may prefer 打印 (labels: zh-HK:).
  'zh-Hant': { byline: '文／{names}', page: '第{page}頁，共{pages}頁', source: '本文原刊於{link}', photo: '圖／{credit}', contents: '目錄', landmarks: '導覽', cover: '封面',
    downloads: '下載', pdfEdition: 'PDF，供閱讀與列印', epubEdition: 'EPUB，供電子閱讀器使用', pressEdition: '印刷廠用 PDF（PDF/X-4，含出血與裁切標記）', archivalEdition: '圖書館典藏用 PDF（PDF/A-2u）', pageCount: '共{pages}頁', allArticles: '全部文章', translatedBy: '譯／{names}', video: '影片：{title}' },
  // Japanese. Pandoc ja.yaml: 目次; ページ in footers rather than its 頁. Own knowledge: 文・ and 写真・ credits,
  // 初出 for where a piece first ran, ランドマーク as Japanese EPUB guides call landmarks.
  ja: { byline: '文・{names}', page: '{page}/{pages}ページ', source: '初出：{link}', photo: '写真・{credit}', contents: '目次', landmarks: 'ランドマーク', cover: '表紙',
    downloads: 'ダウンロード', pdfEdition: '閲覧・印刷用PDF', epubEdition: '電子書籍リーダー用EPUB', pressEdition: '印刷所入稿用PDF（PDF/X-4、塗り足し・トンボ付き）', archivalEdition: '図書館保存用PDF（PDF/A-2u）', pageCount: '{pages}ページ', allArticles: 'すべての記事', translatedBy: '翻訳・{names}', video: '動画：{title}' },
  // Korean. Pandoc ko.yaml: 차례; 쪽 (what Korean print uses for pages) rather than its 페이지. Own knowledge:
  // "{names} 기자" after the names, as Korean papers print it; 사진= credits; 내려받기.
  ko: { byline: '{names} 기자', page: '{page}/{pages}쪽', source: '최초 게재: {link}', photo: '사진={credit}', contents: '차례', landmarks: '바로 가기', cover: '표지',
    downloads: '내려받기', pdfEdition: '읽기·인쇄용 PDF', epubEdition: '전자책 단말기용 EPUB', pressEdition: '인쇄소용 PDF(PDF/X-4, 도련·재단선 포함)', archivalEdition: '도서관 보존용 PDF(PDF/A-2u)', pageCount: '{pages}쪽', allArticles: '전체 기사', translatedBy: '번역: {names}', video: '영상: {title}' },
  // Arabic. Pandoc ar.yaml (NFKC): المحتويات, صفحة. Own knowledge: بقلم bylines, الصورة: credits.
  ar: { byline: 'بقلم {names}', page: 'صفحة {page} من {pages}', source: 'نُشر أصلًا في {link}', photo: 'الصورة: {credit}', contents: 'المحتويات', landmarks: 'المعالم', cover: 'الغلاف',
    downloads: 'تنزيل', pdfEdition: 'PDF للقراءة والطباعة', epubEdition: 'EPUB لأجهزة القراءة الإلكترونية', pressEdition: 'PDF للمطابع (PDF/X-4، مع النزف وعلامات القص)', archivalEdition: 'PDF أرشيفي للمكتبات (PDF/A-2u)', pageCount: 'عدد الصفحات: {pages}', allArticles: 'جميع المقالات', translatedBy: 'ترجمة: {names}', video: 'فيديو: {title}' },
  // Persian. Pandoc fa.yaml: فهرست, صفحه (صفحهٔ before a number). Own knowledge: نوشتهٔ bylines (one form for one
  // author or several), عکس: credits, دریافت for download.
  fa: { byline: 'نوشتهٔ {names}', page: 'صفحهٔ {page} از {pages}', source: 'نخستین بار در {link} منتشر شد', photo: 'عکس: {credit}', contents: 'فهرست', landmarks: 'راهنما', cover: 'جلد',
    downloads: 'دریافت', pdfEdition: 'PDF برای خواندن و چاپ', epubEdition: `EPUB برای کتاب${zwnj}خوان${zwnj}های الکترونیکی`, pressEdition: `PDF چاپخانه (PDF/X-4، با حاشیهٔ اضافی و نشانه${zwnj}های برش)`, archivalEdition: `PDF بایگانی برای کتابخانه${zwnj}ها (PDF/A-2u)`, pageCount: 'تعداد صفحات: {pages}', allArticles: 'همهٔ مطالب', translatedBy: 'ترجمهٔ {names}', video: 'ویدئو: {title}' },
  // Urdu. Pandoc ur.yaml: فہرست عنوانات, صفحہ. Own knowledge: تحریر: bylines, تصویر: credits.
  ur: { byline: 'تحریر: {names}', page: 'صفحہ {page} از {pages}', source: 'پہلی بار {link} پر شائع ہوا', photo: 'تصویر: {credit}', contents: 'فہرست عنوانات', landmarks: 'رہنما نشانات', cover: 'سرورق',
    downloads: 'ڈاؤن لوڈ', pdfEdition: 'پڑھنے اور پرنٹ کرنے کے لیے PDF', epubEdition: 'ای ریڈرز کے لیے EPUB', pressEdition: 'چھاپہ خانوں کے لیے PDF (PDF/X-4، بلیڈ اور کٹنگ کے نشانات کے ساتھ)', archivalEdition: 'لائبریریوں کے لیے آرکائیو PDF (PDF/A-2u)', pageCount: 'صفحات: {pages}', allArticles: 'تمام مضامین', translatedBy: 'ترجمہ: {names}', video: 'ویڈیو: {title}' },
  // Hebrew. Pandoc he.yaml: תוכן העניינים, עמוד. Own knowledge: מאת bylines, צילום: credits, ב־ with a maqaf
  // before a Latin-script name.
  he: { byline: 'מאת {names}', page: 'עמוד {page} מתוך {pages}', source: 'פורסם לראשונה ב־{link}', photo: 'צילום: {credit}', contents: 'תוכן העניינים', landmarks: 'ציוני דרך', cover: 'כריכה',
    downloads: 'הורדה', pdfEdition: 'PDF לקריאה ולהדפסה', epubEdition: 'EPUB לקוראים אלקטרוניים', pressEdition: 'PDF לבית הדפוס (PDF/X-4, עם גלישה וסימני חיתוך)', archivalEdition: 'PDF ארכיוני לספריות (PDF/A-2u)', pageCount: 'עמודים: {pages}', allArticles: 'כל הכתבות', translatedBy: 'תרגום: {names}', video: 'וידאו: {title}' },
  // Hindi. Pandoc hi.yaml: अनुक्रम, पृष्ठ. Own knowledge: लेखक: bylines, फोटो: credits (as Hindi papers spell it).
  hi: { byline: 'लेखक: {names}', page: 'पृष्ठ {page} / {pages}', source: 'मूल रूप से {link} पर प्रकाशित', photo: 'फोटो: {credit}', contents: 'अनुक्रम', landmarks: 'मुख्य स्थल', cover: 'आवरण',
    downloads: 'डाउनलोड', pdfEdition: 'पढ़ने और प्रिंट करने के लिए PDF', epubEdition: 'ई-रीडर के लिए EPUB', pressEdition: 'प्रिंटिंग प्रेस के लिए PDF (PDF/X-4, ब्लीड और क्रॉप मार्क सहित)', archivalEdition: 'पुस्तकालयों के लिए अभिलेखीय PDF (PDF/A-2u)', pageCount: 'पृष्ठ: {pages}', allArticles: 'सभी लेख', translatedBy: 'अनुवाद: {names}', video: 'वीडियो: {title}' },
  // Bengali. Pandoc bn.yaml: পৃষ্ঠা, and সূচীপত্র, written সূচিপত্র as Bangla Academy spells it now. Own
  // knowledge: লেখক: bylines, ছবি: credits, প্রথম প্রকাশ.
  bn: { byline: 'লেখক: {names}', page: 'পৃষ্ঠা {page} / {pages}', source: 'প্রথম প্রকাশ: {link}', photo: 'ছবি: {credit}', contents: 'সূচিপত্র', landmarks: 'দিকনির্দেশিকা', cover: 'প্রচ্ছদ',
    downloads: 'ডাউনলোড', pdfEdition: 'পড়া ও ছাপার জন্য PDF', epubEdition: 'ই-রিডারের জন্য EPUB', pressEdition: 'ছাপাখানার জন্য PDF (PDF/X-4, ব্লিড ও ক্রপ মার্কসহ)', archivalEdition: 'গ্রন্থাগারের জন্য আর্কাইভ PDF (PDF/A-2u)', pageCount: 'পৃষ্ঠা: {pages}', allArticles: 'সব লেখা', translatedBy: 'অনুবাদ: {names}', video: 'ভিডিও: {title}' },
  // Tamil. Pandoc ta.yaml has no "Page" and gives உள்ளே ("inside") for Contents: own knowledge throughout
  // (பொருளடக்கம், பக்கம், படம்: credits, எழுதியவர்: bylines).
  ta: { byline: 'எழுதியவர்: {names}', page: 'பக்கம் {page} / {pages}', source: 'முதலில் வெளியானது: {link}', photo: 'படம்: {credit}', contents: 'பொருளடக்கம்', landmarks: 'முக்கியப் பகுதிகள்', cover: 'அட்டை',
    downloads: 'பதிவிறக்கம்', pdfEdition: 'படிக்கவும் அச்சிடவும் ஏற்ற PDF', epubEdition: 'மின்னூல் கருவிகளுக்கான EPUB', pressEdition: 'அச்சகத்துக்கான PDF (PDF/X-4, ப்ளீட் மற்றும் வெட்டுக் குறிகளுடன்)', archivalEdition: 'நூலகங்களுக்கான காப்பக PDF (PDF/A-2u)', pageCount: 'பக்கங்கள்: {pages}', allArticles: 'அனைத்துக் கட்டுரைகளும்', translatedBy: 'மொழிபெயர்ப்பு: {names}', video: 'காணொளி: {title}' },
  // Thai. Pandoc th.yaml: สารบัญ, หน้า. Own knowledge: โดย bylines, ภาพ: credits, ระยะตัดตก for bleed.
  th: { byline: 'โดย {names}', page: 'หน้า {page} จาก {pages}', source: 'เผยแพร่ครั้งแรกที่ {link}', photo: 'ภาพ: {credit}', contents: 'สารบัญ', landmarks: 'จุดสำคัญ', cover: 'ปก',
    downloads: 'ดาวน์โหลด', pdfEdition: 'PDF สำหรับอ่านและพิมพ์', epubEdition: 'EPUB สำหรับเครื่องอ่านอีบุ๊ก', pressEdition: 'PDF สำหรับโรงพิมพ์ (PDF/X-4 พร้อมระยะตัดตกและเครื่องหมายตัด)', archivalEdition: 'PDF สำหรับจัดเก็บในห้องสมุด (PDF/A-2u)', pageCount: 'จำนวนหน้า: {pages}', allArticles: 'บทความทั้งหมด', translatedBy: 'แปลโดย {names}', video: 'วิดีโอ: {title}' },
  // Vietnamese. Pandoc vi.yaml: Mục lục, Trang. Own knowledge: the Bài: / Ảnh: pair Vietnamese papers print.
  vi: { byline: 'Bài: {names}', page: 'Trang {page}/{pages}', source: 'Đăng lần đầu tại {link}', photo: 'Ảnh: {credit}', contents: 'Mục lục', landmarks: 'Điểm mốc', cover: 'Bìa',
    downloads: 'Tải về', pdfEdition: 'PDF để đọc và in', epubEdition: 'EPUB cho máy đọc sách', pressEdition: 'PDF cho nhà in (PDF/X-4, có phần tràn lề và dấu cắt)', archivalEdition: 'PDF lưu trữ cho thư viện (PDF/A-2u)', pageCount: 'Số trang: {pages}', allArticles: 'Tất cả bài viết', translatedBy: 'Dịch: {names}', video: 'Video: {title}' },
  // Indonesian. Pandoc id.yaml: Daftar Isi, Halaman. Own knowledge: Oleh bylines, Foto: credits, Unduh.
  id: { byline: 'Oleh {names}', page: 'Halaman {page} dari {pages}', source: 'Pertama kali terbit di {link}', photo: 'Foto: {credit}', contents: 'Daftar Isi', landmarks: 'Penanda', cover: 'Sampul',
    downloads: 'Unduh', pdfEdition: 'PDF untuk dibaca dan dicetak', epubEdition: 'EPUB untuk perangkat baca elektronik', pressEdition: 'PDF untuk percetakan (PDF/X-4, dengan bleed dan tanda potong)', archivalEdition: 'PDF arsip untuk perpustakaan (PDF/A-2u)', pageCount: 'Jumlah halaman: {pages}', allArticles: 'Semua artikel', translatedBy: 'Penerjemah: {names}', video: 'Video: {title}' },
  // Turkish. Pandoc tr.yaml: İçindekiler, Sayfa. Own knowledge: Yazan: bylines, Fotoğraf: credits, taşma payı.
  tr: { byline: 'Yazan: {names}', page: 'Sayfa {page}/{pages}', source: 'İlk yayımlandığı yer: {link}', photo: 'Fotoğraf: {credit}', contents: 'İçindekiler', landmarks: 'Önemli bölümler', cover: 'Kapak',
    downloads: 'İndir', pdfEdition: 'Okumak ve yazdırmak için PDF', epubEdition: 'E-kitap okuyucular için EPUB', pressEdition: 'Matbaa için PDF (PDF/X-4, taşma payı ve kesim işaretleriyle)', archivalEdition: 'Kütüphaneler için arşiv PDF’i (PDF/A-2u)', pageCount: 'Sayfa sayısı: {pages}', allArticles: 'Tüm yazılar', translatedBy: 'Çeviri: {names}', video: 'Video: {title}' },
  // Swahili. Pandoc has no sw.yaml: own knowledge throughout ("Na {names}" as Swahili papers print bylines,
  // Ukurasa … wa …, Yaliyomo, Picha: credits).
  sw: { byline: 'Na {names}', page: 'Ukurasa {page} wa {pages}', source: 'Ilichapishwa kwa mara ya kwanza kwenye {link}', photo: 'Picha: {credit}', contents: 'Yaliyomo', landmarks: 'Alama muhimu', cover: 'Jalada',
    downloads: 'Pakua', pdfEdition: 'PDF ya kusoma na kuchapisha', epubEdition: 'EPUB kwa visomaji vya vitabu pepe', pressEdition: 'PDF kwa wachapaji (PDF/X-4, pamoja na pambizo za ziada na alama za kukata)', archivalEdition: 'PDF ya kumbukumbu kwa maktaba (PDF/A-2u)', pageCount: 'Kurasa: {pages}', allArticles: 'Makala zote', translatedBy: 'Imetafsiriwa na {names}', video: 'Video: {title}' },
  // Georgian. Pandoc ka.yaml: შინაარსი, and გვ. (written out, გვერდი, in the footer). Own knowledge for the rest.
  ka: { byline: 'ავტორი: {names}', page: 'გვერდი {page} / {pages}', source: 'პირველად გამოქვეყნდა: {link}', photo: 'ფოტო: {credit}', contents: 'შინაარსი', landmarks: 'ორიენტირები', cover: 'გარეკანი',
    downloads: 'ჩამოტვირთვა', pdfEdition: 'PDF წასაკითხად და დასაბეჭდად', epubEdition: 'EPUB ელწიგნების მკითხველებისთვის', pressEdition: 'PDF სტამბისთვის (PDF/X-4, ჭრის მარაგით და ჭრის ნიშნებით)', archivalEdition: 'საარქივო PDF ბიბლიოთეკებისთვის (PDF/A-2u)', pageCount: 'გვერდები: {pages}', allArticles: 'ყველა სტატია', translatedBy: 'თარგმანი: {names}', video: 'ვიდეო: {title}' },
  // Khmer. Pandoc km.yaml: ទំព័រ, and មាតិការ, spelt មាតិកា as Khmer dictionaries do. Own knowledge: ដោយ bylines,
  // រូបថត៖ credits (with the Khmer colon).
  km: { byline: 'ដោយ {names}', page: 'ទំព័រ {page} នៃ {pages}', source: 'ចុះផ្សាយដំបូងនៅ {link}', photo: 'រូបថត៖ {credit}', contents: 'មាតិកា', landmarks: 'ចំណុចសំខាន់ៗ', cover: 'ក្របមុខ',
    downloads: 'ទាញយក', pdfEdition: 'PDF សម្រាប់អាន និងបោះពុម្ព', epubEdition: 'EPUB សម្រាប់ឧបករណ៍អានសៀវភៅអេឡិចត្រូនិក', pressEdition: 'PDF សម្រាប់រោងពុម្ព (PDF/X-4 មានរឹមលើស និងសញ្ញាកាត់)', archivalEdition: 'PDF ទុកក្នុងបណ្ណសារសម្រាប់បណ្ណាល័យ (PDF/A-2u)', pageCount: 'ចំនួនទំព័រ៖ {pages}', allArticles: 'អត្ថបទទាំងអស់', translatedBy: 'បកប្រែ៖ {names}', video: 'វីដេអូ៖ {title}' },
  // Burmese (Unicode, not Zawgyi). Pandoc has no my.yaml: own knowledge throughout ("{names} ရေးသည်", the verb
  // last; ဓာတ်ပုံ - credits; မာတိကာ; စာမျက်နှာ).
  my: { byline: '{names} ရေးသည်', page: 'စာမျက်နှာ {page} / {pages}', source: '{link} တွင် ပထမဆုံး ဖော်ပြခဲ့သည်', photo: 'ဓာတ်ပုံ - {credit}', contents: 'မာတိကာ', landmarks: 'အဓိက နေရာများ', cover: 'မျက်နှာဖုံး',
    downloads: 'ဒေါင်းလုဒ်', pdfEdition: 'ဖတ်ရန်နှင့် ပုံနှိပ်ရန် PDF', epubEdition: 'အီလက်ထရောနစ် စာဖတ်ကိရိယာများအတွက် EPUB', pressEdition: 'ပုံနှိပ်တိုက်များအတွက် PDF (PDF/X-4၊ bleed နှင့် ဖြတ်မှတ်များ ပါဝင်)', archivalEdition: 'စာကြည့်တိုက်များအတွက် မော်ကွန်းသိမ်း PDF (PDF/A-2u)', pageCount: 'စာမျက်နှာ {pages} မျက်နှာ', allArticles: 'ဆောင်းပါးအားလုံး', translatedBy: '{names} ဘာသာပြန်သည်', video: 'ဗီဒီယို - {title}' },
  // Kannada. Pandoc kn.yaml: ವಿಷಯಗಳು, ಪುಟ. Own knowledge: ಬರಹ: bylines, ಚಿತ್ರ: credits.
  kn: { byline: 'ಬರಹ: {names}', page: 'ಪುಟ {page} / {pages}', source: 'ಮೊದಲು ಪ್ರಕಟವಾದದ್ದು: {link}', photo: 'ಚಿತ್ರ: {credit}', contents: 'ವಿಷಯಗಳು', landmarks: 'ಮುಖ್ಯ ಭಾಗಗಳು', cover: 'ಮುಖಪುಟ',
    downloads: `ಡೌನ್${zwnj}ಲೋಡ್`, pdfEdition: 'ಓದಲು ಮತ್ತು ಮುದ್ರಿಸಲು PDF', epubEdition: `ಇ-ರೀಡರ್${zwnj}ಗಳಿಗಾಗಿ EPUB`, pressEdition: 'ಮುದ್ರಣಾಲಯಗಳಿಗಾಗಿ PDF (PDF/X-4, ಬ್ಲೀಡ್ ಮತ್ತು ಕತ್ತರಿಸುವ ಗುರುತುಗಳೊಂದಿಗೆ)', archivalEdition: 'ಗ್ರಂಥಾಲಯಗಳಿಗಾಗಿ ಸಂಗ್ರಹ PDF (PDF/A-2u)', pageCount: 'ಪುಟಗಳು: {pages}', allArticles: 'ಎಲ್ಲಾ ಲೇಖನಗಳು', translatedBy: 'ಅನುವಾದ: {names}', video: 'ವಿಡಿಯೋ: {title}' },
  // Malayalam. Pandoc ml.yaml: ഉള്ളടക്കം (it has no "Page"). Own knowledge: പേജ്, എഴുതിയത്: bylines, ഫോട്ടോ: credits.
  ml: { byline: 'എഴുതിയത്: {names}', page: 'പേജ് {page} / {pages}', source: 'ആദ്യം പ്രസിദ്ധീകരിച്ചത്: {link}', photo: 'ഫോട്ടോ: {credit}', contents: 'ഉള്ളടക്കം', landmarks: 'പ്രധാന ഭാഗങ്ങൾ', cover: 'പുറംചട്ട',
    downloads: 'ഡൗൺലോഡ്', pdfEdition: 'വായിക്കാനും അച്ചടിക്കാനുമുള്ള PDF', epubEdition: 'ഇ-റീഡറുകൾക്കുള്ള EPUB', pressEdition: 'അച്ചടിശാലകൾക്കുള്ള PDF (PDF/X-4, ബ്ലീഡും കട്ട് മാർക്കുകളും സഹിതം)', archivalEdition: 'ലൈബ്രറികൾക്കുള്ള ആർക്കൈവ് PDF (PDF/A-2u)', pageCount: 'പേജുകൾ: {pages}', allArticles: 'എല്ലാ ലേഖനങ്ങളും', translatedBy: 'വിവർത്തനം: {names}', video: 'വീഡിയോ: {title}' },
  // Nepali. Pandoc has no ne.yaml: own knowledge throughout (विषयसूची, पृष्ठ, तस्बिर: credits).
  ne: { byline: 'लेखक: {names}', page: 'पृष्ठ {page} / {pages}', source: 'पहिलो पटक {link} मा प्रकाशित', photo: 'तस्बिर: {credit}', contents: 'विषयसूची', landmarks: 'मुख्य स्थानहरू', cover: 'आवरण',
    downloads: 'डाउनलोड', pdfEdition: 'पढ्न र छाप्नका लागि PDF', epubEdition: 'ई-रिडरका लागि EPUB', pressEdition: 'छापाखानाका लागि PDF (PDF/X-4, ब्लिड र काट्ने चिह्नसहित)', archivalEdition: 'पुस्तकालयका लागि अभिलेख PDF (PDF/A-2u)', pageCount: 'पृष्ठ संख्या: {pages}', allArticles: 'सबै लेख', translatedBy: 'अनुवाद: {names}', video: 'भिडियो: {title}' },
  // Marathi. Pandoc mr.yaml: अनुक्रमणिका, पृष्ठ. Own knowledge: लेखक: bylines, छायाचित्र: credits.
  mr: { byline: 'लेखक: {names}', page: 'पृष्ठ {page} / {pages}', source: 'प्रथम प्रकाशन: {link}', photo: 'छायाचित्र: {credit}', contents: 'अनुक्रमणिका', landmarks: 'महत्त्वाची ठिकाणे', cover: 'मुखपृष्ठ',
    downloads: 'डाउनलोड', pdfEdition: 'वाचण्यासाठी आणि छापण्यासाठी PDF', epubEdition: 'ई-रीडरसाठी EPUB', pressEdition: 'छापखान्यासाठी PDF (PDF/X-4, ब्लीड आणि कापणी खुणांसह)', archivalEdition: 'ग्रंथालयांसाठी संग्रहित PDF (PDF/A-2u)', pageCount: 'पृष्ठसंख्या: {pages}', allArticles: 'सर्व लेख', translatedBy: 'अनुवाद: {names}', video: 'व्हिडिओ: {title}' },
  // Malay. Pandoc ms.yaml: Kandungan, Halaman. Own knowledge: Oleh bylines, Foto: credits, Muat turun.
  ms: { byline: 'Oleh {names}', page: 'Halaman {page} daripada {pages}', source: 'Pertama kali diterbitkan di {link}', photo: 'Foto: {credit}', contents: 'Kandungan', landmarks: 'Mercu tanda', cover: 'Kulit hadapan',
    downloads: 'Muat turun', pdfEdition: 'PDF untuk dibaca dan dicetak', epubEdition: 'EPUB untuk e-pembaca', pressEdition: 'PDF untuk pencetak (PDF/X-4, dengan bleed dan tanda potong)', archivalEdition: 'PDF arkib untuk perpustakaan (PDF/A-2u)', pageCount: 'Bilangan halaman: {pages}', allArticles: 'Semua artikel', translatedBy: 'Penterjemah: {names}', video: 'Video: {title}' },
} satisfies Record<string, Labels>;
