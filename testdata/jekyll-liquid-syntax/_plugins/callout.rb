module Jekyll
  class CalloutBlock < Liquid::Block
  end
  class Badge < Liquid::Tag
  end
end
Liquid::Template.register_tag('callout', Jekyll::CalloutBlock)
Liquid::Template.register_tag "badge", Jekyll::Badge
