# -*- coding: utf-8 -*-
name = "café" +
