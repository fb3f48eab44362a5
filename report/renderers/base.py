def filename_for(symbol, extension):
    """A/CONF.234/RPM.2/1 → A-CONF.234-RPM.2-1.docx"""
    return f"{symbol.replace('/', '-')}.{extension}"
