# ruff: noqa: E501 (sentences in translation tables are kept whole, one per line)
"""The public interface's strings in the five other official languages: (ar, zh-hans, fr, ru, es).

`python scripts/translate_interface.py` writes them into the .po files that `makemessages` keeps up to date;
strings not listed here (the admin's) stay in English until someone translates them.
"""

import re
import sys
from pathlib import Path

LANGUAGES = ("ar", "zh_Hans", "fr", "ru", "es")

T = {
    # The secretariat's admin: the dashboard and the meeting workspace's headings.
    "Start here": ("ابدأ من هنا", "从这里开始", "Commencer ici", "Начните здесь", "Empiece aquí"),
    "Meetings in preparation": (
        "الاجتماعات قيد الإعداد",
        "筹备中的会议",
        "Réunions en préparation",
        "Совещания в стадии подготовки",
        "Reuniones en preparación",
    ),
    "Recent changes": (
        "التغييرات الأخيرة",
        "最近的更改",
        "Modifications récentes",
        "Последние изменения",
        "Cambios recientes",
    ),
    "None yet.": ("لا شيء بعد.", "尚无。", "Aucune pour l’instant.", "Пока нет.", "Ninguno todavía."),
    "The report still lacks:": (
        "لا يزال التقرير يفتقر إلى:",
        "报告仍缺少：",
        "Il manque encore au rapport :",
        "В докладе еще не хватает:",
        "Al informe aún le falta:",
    ),
    "No meeting is in preparation.": (
        "لا يوجد اجتماع قيد الإعداد.",
        "没有正在筹备的会议。",
        "Aucune réunion n’est en préparation.",
        "Нет совещаний в стадии подготовки.",
        "No hay ninguna reunión en preparación.",
    ),
    "Parts of the meeting": (
        "أجزاء الاجتماع",
        "会议的各部分",
        "Parties de la réunion",
        "Части совещания",
        "Partes de la reunión",
    ),
    "Plenary meetings": (
        "الجلسات العامة",
        "全体会议",
        "Séances plénières",
        "Пленарные заседания",
        "Sesiones plenarias",
    ),
    "Attendance": ("الحضور", "出席情况", "Participation", "Участники", "Asistencia"),
    "Opening and other matters": (
        "الافتتاح والمسائل الأخرى",
        "开幕和其他事项",
        "Ouverture et questions diverses",
        "Открытие и прочие вопросы",
        "Apertura y otros asuntos",
    ),
    "Deliberations": ("المداولات", "审议情况", "Délibérations", "Обсуждения", "Deliberaciones"),
    "Report and draft parts": (
        "التقرير وأجزاء المشروع",
        "报告和草案各部分",
        "Rapport et parties du projet",
        "Доклад и части проекта",
        "Informe y partes del proyecto",
    ),
    "Adoption": ("الاعتماد", "通过", "Adoption", "Утверждение", "Aprobación"),
    "What is entered": ("ما تم إدخاله", "已录入的内容", "Ce qui est saisi", "Что введено", "Lo que se ha introducido"),
    "What the report still lacks": (
        "ما لا يزال التقرير يفتقر إليه",
        "报告仍缺少的内容",
        "Ce qui manque encore au rapport",
        "Чего еще не хватает докладу",
        "Lo que aún le falta al informe",
    ),
    "Details of the meeting": (
        "تفاصيل الاجتماع",
        "会议详情",
        "Détails de la réunion",
        "Сведения о совещании",
        "Datos de la reunión",
    ),
    "Go there": ("انتقل إليه", "前往", "Y aller", "Перейти", "Ir allí"),
    "Skip to content": ("انتقل إلى المحتوى", "跳到正文", "Aller au contenu", "Перейти к содержанию", "Ir al contenido"),
    "Site": ("الموقع", "网站", "Site", "Сайт", "Sitio"),
    "Language": ("اللغة", "语言", "Langue", "Язык", "Idioma"),
    "Change": ("تغيير", "更改", "Changer", "Сменить", "Cambiar"),
    "Regional preparatory meetings for the United Nations Congress on Crime Prevention and Criminal Justice.": (
        "الاجتماعات التحضيرية الإقليمية لمؤتمر الأمم المتحدة لمنع الجريمة والعدالة الجنائية.",
        "联合国预防犯罪和刑事司法大会区域筹备会议。",
        "Réunions préparatoires régionales du Congrès des Nations Unies pour la prévention du crime et la justice pénale.",
        "Региональные подготовительные совещания к Конгрессу Организации Объединенных Наций по предупреждению преступности и уголовному правосудию.",
        "Reuniones preparatorias regionales del Congreso de las Naciones Unidas sobre Prevención del Delito y Justicia Penal.",
    ),
    "Documents:": ("الوثائق:", "文件：", "Documents :", "Документы:", "Documentos:"),
    "Breadcrumb": ("مسار التنقل", "导航路径", "Fil d’Ariane", "Навигационная цепочка", "Ruta de navegación"),
    "Meetings": ("الاجتماعات", "会议", "Réunions", "Совещания", "Reuniones"),
    "Preview: this meeting is not published; only the secretariat sees it.": (
        "معاينة: هذا الاجتماع غير منشور؛ لا تراه إلا الأمانة.",
        "预览：本次会议尚未发布，只有秘书处可以看到。",
        "Aperçu : cette réunion n’est pas publiée ; seul le secrétariat la voit.",
        "Предварительный просмотр: совещание не опубликовано; его видит только секретариат.",
        "Vista previa: esta reunión no está publicada; solo la ve la secretaría.",
    ),
    "This meeting": ("هذا الاجتماع", "本次会议", "Cette réunion", "Это совещание", "Esta reunión"),
    "Overview": ("نظرة عامة", "概览", "Présentation", "Обзор", "Resumen"),
    "Agenda": ("جدول الأعمال", "议程", "Ordre du jour", "Повестка дня", "Programa"),
    "Programme of work": (
        "برنامج العمل",
        "工作方案",
        "Programme de travail",
        "Программа работы",
        "Programa de trabajo",
    ),
    "Participation": ("المشاركة", "出席情况", "Participation", "Участники", "Participación"),
    "Report": ("التقرير", "报告", "Rapport", "Доклад", "Informe"),
    "The report": ("التقرير", "报告", "Le rapport", "Доклад", "El informe"),
    "Read the report online": (
        "قراءة التقرير على الموقع",
        "在线阅读报告",
        "Lire le rapport en ligne",
        "Читать доклад онлайн",
        "Leer el informe en línea",
    ),
    "The agenda has not been entered yet.": (
        "لم يُدخَل جدول الأعمال بعد.",
        "尚未录入议程。",
        "L’ordre du jour n’a pas encore été saisi.",
        "Повестка дня еще не введена.",
        "Todavía no se ha introducido el programa.",
    ),
    "Documents before the meeting": (
        "الوثائق المعروضة على الاجتماع",
        "会议收到的文件",
        "Documents dont la réunion est saisie",
        "Документы, находящиеся на рассмотрении совещания",
        "Documentos que tiene ante sí la reunión",
    ),
    "Symbol": ("الرمز", "文号", "Cote", "Условное обозначение", "Signatura"),
    "Title": ("العنوان", "标题", "Titre", "Название", "Título"),
    "Language versions": (
        "النسخ اللغوية",
        "语文版本",
        "Versions linguistiques",
        "Языковые версии",
        "Versiones lingüísticas",
    ),
    "not published": ("غير منشورة", "未发布", "non publié", "не опубликован", "no publicado"),
    "No file yet": ("لا يوجد ملف بعد", "尚无文件", "Pas encore de fichier", "Файла пока нет", "Aún no hay archivo"),
    "No document has been published yet.": (
        "لم تُنشر أي وثيقة بعد.",
        "尚未发布任何文件。",
        "Aucun document n’a encore été publié.",
        "Документы еще не опубликованы.",
        "Todavía no se ha publicado ningún documento.",
    ),
    "Regional preparatory meetings": (
        "الاجتماعات التحضيرية الإقليمية",
        "区域筹备会议",
        "Réunions préparatoires régionales",
        "Региональные подготовительные совещания",
        "Reuniones preparatorias regionales",
    ),
    "Not published": ("غير منشور", "未发布", "Non publiée", "Не опубликовано", "No publicada"),
    "No meeting has been published yet.": (
        "لم يُنشر أي اجتماع بعد.",
        "尚未发布任何会议。",
        "Aucune réunion n’a encore été publiée.",
        "Совещания еще не опубликованы.",
        "Todavía no se ha publicado ninguna reunión.",
    ),
    "Venue": ("المكان", "地点", "Lieu", "Место проведения", "Lugar"),
    "Dates": ("التواريخ", "日期", "Dates", "Даты", "Fechas"),
    "Status": ("الحالة", "状态", "État", "Статус", "Estado"),
    "Report symbol": (
        "رمز التقرير",
        "报告文号",
        "Cote du rapport",
        "Условное обозначение доклада",
        "Signatura del informe",
    ),
    "Regional commission": (
        "اللجنة الإقليمية",
        "区域委员会",
        "Commission régionale",
        "Региональная комиссия",
        "Comisión regional",
    ),
    "Officers": ("أعضاء المكتب", "主席团成员", "Membres du Bureau", "Должностные лица", "Mesa"),
    "For delegates": ("للمندوبين", "供代表使用", "Pour les délégations", "Для делегатов", "Para las delegaciones"),
    "add to your calendar": (
        "إضافة إلى التقويم",
        "添加到日历",
        "ajouter à votre agenda",
        "добавить в календарь",
        "añadir al calendario",
    ),
    "The States and organizations represented at the meeting.": (
        "الدول والمنظمات الممثلة في الاجتماع.",
        "出席会议的国家和组织。",
        "Les États et organisations représentés à la réunion.",
        "Государства и организации, представленные на совещании.",
        "Los Estados y las organizaciones representados en la reunión.",
    ),
    "Participation has not been entered yet.": (
        "لم تُدخَل بيانات المشاركة بعد.",
        "尚未录入出席情况。",
        "La participation n’a pas encore été saisie.",
        "Сведения об участниках еще не введены.",
        "Todavía no se ha introducido la participación.",
    ),
    "Add the programme to your calendar (.ics)": (
        "إضافة البرنامج إلى التقويم (.ics)",
        "将工作方案添加到日历 (.ics)",
        "Ajouter le programme à votre agenda (.ics)",
        "Добавить программу в календарь (.ics)",
        "Añadir el programa al calendario (.ics)",
    ),
    "Times are local times at the venue (%(zone)s).": (
        "الأوقات بالتوقيت المحلي لمكان الاجتماع (%(zone)s).",
        "时间为会议地点当地时间（%(zone)s）。",
        "Les heures sont celles du lieu de la réunion (%(zone)s).",
        "Указано местное время места проведения (%(zone)s).",
        "Las horas son las locales del lugar de la reunión (%(zone)s).",
    ),
    "Plenary meeting %(number)s": (
        "الجلسة العامة %(number)s",
        "第%(number)s次全体会议",
        "Séance plénière %(number)s",
        "Пленарное заседание %(number)s",
        "Sesión plenaria %(number)s",
    ),
    "The programme of work has not been entered yet.": (
        "لم يُدخَل برنامج العمل بعد.",
        "尚未录入工作方案。",
        "Le programme de travail n’a pas encore été saisi.",
        "Программа работы еще не введена.",
        "Todavía no se ha introducido el programa de trabajo.",
    ),
    "Results": ("النتائج", "结果", "Résultats", "Результаты", "Resultados"),
    "Nothing in the published meetings matches your search.": (
        "لا يوجد في الاجتماعات المنشورة ما يطابق بحثك.",
        "已发布的会议中没有与您的搜索相符的内容。",
        "Aucun élément des réunions publiées ne correspond à votre recherche.",
        "В опубликованных совещаниях ничего не найдено.",
        "Nada en las reuniones publicadas coincide con su búsqueda.",
    ),
    "Search the meetings": (
        "البحث في الاجتماعات",
        "搜索会议",
        "Rechercher dans les réunions",
        "Поиск по совещаниям",
        "Buscar en las reuniones",
    ),
    "e.g. cybercrime": (
        "مثلاً: الجريمة السيبرانية",
        "例如：网络犯罪",
        "p. ex. cybercriminalité",
        "например, киберпреступность",
        "p. ej., ciberdelincuencia",
    ),
    "Search": ("بحث", "搜索", "Rechercher", "Поиск", "Buscar"),
    "Planned": ("مقرر", "已计划", "Prévue", "Запланировано", "Prevista"),
    "In session": ("منعقد", "正在举行", "En cours", "Идет заседание", "En curso"),
    "Closed": ("اختُتم", "已闭幕", "Close", "Завершено", "Clausurada"),
    "%(region)s Regional Preparatory Meeting for the %(congress)s": (
        "الاجتماع التحضيري الإقليمي لمنطقة %(region)s من أجل %(congress)s",
        "%(congress)s%(region)s区域筹备会议",
        "Réunion préparatoire régionale (%(region)s) du %(congress)s",
        "Региональное подготовительное совещание (%(region)s) к %(congress)s",
        "Reunión Preparatoria Regional (%(region)s) del %(congress)s",
    ),
    "States members of the regional commission": (
        "الدول الأعضاء في اللجنة الإقليمية",
        "区域委员会成员国",
        "États membres de la commission régionale",
        "Государства — члены региональной комиссии",
        "Estados miembros de la comisión regional",
    ),
    "States represented by observers": (
        "الدول الممثلة بمراقبين",
        "派观察员出席的国家",
        "États représentés par des observateurs",
        "Государства, представленные наблюдателями",
        "Estados representados por observadores",
    ),
    "Chair": ("الرئيس", "主席", "Président(e)", "Председатель", "Presidencia"),
    "Vice-Chair": ("نائب الرئيس", "副主席", "Vice-Président(e)", "Заместитель Председателя", "Vicepresidencia"),
    "Rapporteur": ("المقرر", "报告员", "Rapporteur(euse)", "Докладчик", "Relatoría"),
    "Recommendations": ("التوصيات", "建议", "Recommandations", "Рекомендации", "Recomendaciones"),
    "Summary of deliberations": (
        "موجز المداولات",
        "讨论摘要",
        "Résumé des débats",
        "Резюме обсуждения",
        "Resumen de las deliberaciones",
    ),
    "Agenda items": (
        "بنود جدول الأعمال",
        "议程项目",
        "Points de l’ordre du jour",
        "Пункты повестки дня",
        "Temas del programa",
    ),
    "Documents": ("الوثائق", "文件", "Documents", "Документы", "Documentos"),
    "paragraph %(number)s": (
        "الفقرة %(number)s",
        "第%(number)s段",
        "paragraphe %(number)s",
        "пункт %(number)s",
        "párrafo %(number)s",
    ),
    "paragraph %(number)s %(letter)s": (
        "الفقرة %(number)s %(letter)s",
        "第%(number)s段%(letter)s",
        "paragraphe %(number)s %(letter)s",
        "пункт %(number)s %(letter)s",
        "párrafo %(number)s %(letter)s",
    ),
    "This document has no file in that language.": (
        "لا يوجد ملف لهذه الوثيقة بتلك اللغة.",
        "该文件没有该语文版本。",
        "Ce document n’existe pas dans cette langue.",
        "Этого документа нет на данном языке.",
        "Este documento no tiene archivo en ese idioma.",
    ),
    "%(meeting)s, plenary meeting %(number)s": (
        "%(meeting)s، الجلسة العامة %(number)s",
        "%(meeting)s，第%(number)s次全体会议",
        "%(meeting)s, séance plénière %(number)s",
        "%(meeting)s, пленарное заседание %(number)s",
        "%(meeting)s, sesión plenaria %(number)s",
    ),
    "United Nations entity": (
        "كيان تابع للأمم المتحدة",
        "联合国实体",
        "Entité des Nations Unies",
        "Подразделение Организации Объединенных Наций",
        "Entidad de las Naciones Unidas",
    ),
    "Programme network institute": (
        "معهد من معاهد شبكة البرنامج",
        "方案网络研究所",
        "Institut du réseau du programme",
        "Институт сети программы",
        "Instituto de la red del programa",
    ),
    "Intergovernmental organization": (
        "منظمة حكومية دولية",
        "政府间组织",
        "Organisation intergouvernementale",
        "Межправительственная организация",
        "Organización intergubernamental",
    ),
    "Non-governmental organization in consultative status": (
        "منظمة غير حكومية ذات مركز استشاري",
        "具有咨商地位的非政府组织",
        "Organisation non gouvernementale dotée du statut consultatif",
        "Неправительственная организация с консультативным статусом",
        "Organización no gubernamental reconocida como entidad consultiva",
    ),
    "Arabic": ("العربية", "阿拉伯文", "Arabe", "Арабский", "Árabe"),
    "Chinese": ("الصينية", "中文", "Chinois", "Китайский", "Chino"),
    "English": ("الإنكليزية", "英文", "Anglais", "Английский", "Inglés"),
    "French": ("الفرنسية", "法文", "Français", "Французский", "Francés"),
    "Russian": ("الروسية", "俄文", "Russe", "Русский", "Ruso"),
    "Spanish": ("الإسبانية", "西班牙文", "Espagnol", "Испанский", "Español"),
}


def po_string(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def fill(path, index):
    content = path.read_text(encoding="utf-8")
    missing = []
    for msgid, translations in T.items():
        pattern = re.compile(rf'^(msgid "{re.escape(po_string(msgid))}"\nmsgstr )"[^\n]*"$', re.MULTILINE)
        content, count = pattern.subn(lambda m, t=translations[index]: m.group(1) + f'"{po_string(t)}"', content)
        if not count:
            missing.append(msgid)
    # A translation present means it is reviewed: drop the fuzzy marks makemessages may leave.
    content = content.replace("#, fuzzy\n", "", 1) if content.startswith("# SOME") else content
    path.write_text(content, encoding="utf-8")
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "locale"
    problems = 0
    for index, language in enumerate(LANGUAGES):
        missing = fill(root / language / "LC_MESSAGES" / "django.po", index)
        for msgid in missing:
            print(f"{language}: not in the catalogue: {msgid}", file=sys.stderr)
        problems += len(missing)
    sys.exit(1 if problems else 0)
